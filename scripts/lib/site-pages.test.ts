import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { GLOSSARY } from '../../core/glossary.ts'
import { loadDecks } from './decks.ts'
import { plainText, renderGlossary, renderSearch, searchEntries } from './site-pages.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))

describe('glossary page', () => {
  it('has an entry, with its anchor, for every term', () => {
    const html = renderGlossary()
    for (const t of GLOSSARY)
      expect(html).toContain(`<h2 id="${t.id}">`)
    expect(html).toContain('<code>Send</code>')
  })
})

describe('search page', () => {
  it('indexes every slide of the topic decks with its learner\'s text, and the glossary', async () => {
    const entries = searchEntries(await loadDecks(root))
    const rc6 = entries.find(e => e.href === 'rc/index.html#/6')!
    expect(rc6.title).toBe('Cloning an Rc copies a pointer')
    expect(rc6.text).toMatch(/^Rc::new puts the string on the heap/)
    expect(rc6.text).not.toMatch(/\]\(|`/)
    expect(entries.filter(e => e.where === 'Glossary')).toHaveLength(GLOSSARY.length)
  })

  it('keeps its index inside the page, unable to end the script early', () => {
    const html = renderSearch([{ href: 'x.html', where: 'w', title: '</script><b>', text: '' }])
    expect(html).not.toContain('</script><b>')
    expect(html).toContain('\\u003c/script>\\u003cb>')
    expect(html).not.toMatch(/(?:href|src)="(?:https?:)?\/\//)
  })

  it('reads markdown as plain text', () => {
    expect(plainText('A **[lifetime](../glossary.html#lifetime)** of `&str`.')).toBe('A lifetime of &str.')
  })
})
