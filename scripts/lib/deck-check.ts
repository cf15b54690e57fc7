import type { DeckSource } from '../../core/deck-model.ts'
import type { DeckSet } from './decks.ts'
import type { Snippet } from './snippets.ts'
/**
 * Slide integrity: every `<<<` import and `snippet="…"` reference in every
 * deck resolves to a real file, region and snippet, and every snippet is
 * shown somewhere (or says why not). Decks come from the one loader
 * (`decks.ts`); missing `src:` includes are reported by the deck model.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative, resolve } from 'node:path'
import { LessonError } from '../../core/errors.ts'
import { parseRegions } from '../../core/snippet-source.ts'

export async function checkDecks(root: string, decks: DeckSet, snippets: readonly Snippet[]): Promise<string[]> {
  const problems: string[] = []
  const byPath = new Map(snippets.map(s => [s.path, s]))
  const byId = new Map(snippets.map(s => [s.id, s]))
  const used = new Set<Snippet>()
  const slidesDir = join(root, 'slides')

  for (const source of decks.files.values()) {
    const deckFile = source.file
    const deck = join(root, deckFile)
    for (const imp of source.slides.flatMap(s => s.imports)) {
      const where = `${deckFile}:${imp.line}`
      // `@/` is the deck's entry directory; every deck lives in slides/.
      const target = imp.path.startsWith('@/') ? join(slidesDir, imp.path.slice(2)) : resolve(dirname(deck), imp.path)
      if (!existsSync(target)) {
        problems.push(`${where}: \`<<< ${imp.path}\` imports ${relative(root, target)}, which does not exist${suggest(target, snippets)}`)
        continue
      }
      const snippet = byPath.get(target)
      if (snippet)
        used.add(snippet)
      if (imp.region === null)
        continue
      let regions = snippet?.regions
      if (!regions) {
        try {
          regions = parseRegions(await readFile(target, 'utf8'), relative(root, target))
        }
        catch (error) {
          if (!(error instanceof LessonError))
            throw error
          problems.push(`${where}: ${error.message}`)
          continue
        }
      }
      if (!regions.has(imp.region)) {
        const known = [...regions.keys()]
        problems.push(`${where}: region \`${imp.region}\` is not in ${relative(root, target)} (Slidev would silently show the whole file); ${known.length ? `its regions are: ${known.join(', ')}` : 'it has no regions'}`)
      }
    }
    for (const ref of source.slides.flatMap(s => s.refs)) {
      const snippet = byId.get(ref.id)
      if (snippet) {
        used.add(snippet)
        if (ref.region !== undefined && !snippet.regions.has(ref.region))
          problems.push(`${deckFile}:${ref.line}: live step \`${ref.id}\` shows region \`${ref.region}\`, which is not in ${snippet.file}; ${snippet.regions.size ? `its regions are: ${[...snippet.regions.keys()].join(', ')}` : 'it has no regions'}`)
        continue
      }
      const topic = ref.id.split('/')[0]
      const siblings = snippets.filter(s => s.topic === topic).map(s => s.id)
      problems.push(`${deckFile}:${ref.line}: snippet="${ref.id}" names no snippet${siblings.length ? `; ${topic} has: ${siblings.join(', ')}` : ''}`)
    }
  }
  for (const s of snippets) {
    if (!used.has(s) && s.support === null)
      problems.push(`${s.file}:1: no slide shows snippet \`${s.id}\`; import it in slides/${s.topic}.md, name it with snippet="${s.id}", or mark it \`//! support: <why>\``)
  }
  return problems
}

/**
 * A slide that shows a program's output next to regions of its code must
 * show every line of `main` that prints: output no visible line explains
 * is a puzzle for a reader. Lines in other functions (a `Drop` that prints)
 * are the slide's to explain.
 */
export function unseenPrints(source: DeckSource, byPath: ReadonlyMap<string, Snippet>, slidesDir: string): string[] {
  const problems: string[] = []
  for (const slide of source.slides) {
    for (const output of slide.components.filter(c => c.name === 'RunOutput' && typeof c.props.snippet === 'string')) {
      const imports = slide.imports.filter(i => i.path.startsWith('@/') && byPath.get(join(slidesDir, i.path.slice(2)))?.id === output.props.snippet)
      if (!imports.length || imports.some(i => i.region === null))
        continue
      const snippet = byPath.get(join(slidesDir, imports[0]!.path.slice(2)))!
      const shown = imports.map(i => snippet.regions.get(i.region!)).filter(r => r !== undefined)
      const lines = snippet.source.split('\n')
      const main = lines.findIndex(l => /^fn main\(\)/.test(l))
      if (main < 0)
        continue
      for (let i = main + 1; i < lines.length && lines[i] !== '}'; i++) {
        const line = i + 1
        if (/\b(?:e?println|e?print)!/.test(lines[i]!) && !shown.some(r => line > r.start && line < r.end))
          problems.push(`${source.file}:${output.line}: the output of ${snippet.id} shows what ${snippet.file}:${line} prints (\`${lines[i]!.trim()}\`), a line the slide does not show; move it into the region the slide imports`)
      }
    }
  }
  return problems
}

function suggest(target: string, snippets: readonly Snippet[]): string {
  const name = target.slice(target.lastIndexOf('/') + 1)
  const near = snippets.find(s => s.path.endsWith(`/${name}`) || s.path.slice(0, -3).endsWith(name.replace(/\.rs$/, '').slice(0, -1)))
  return near ? `; did you mean ${near.file}?` : ''
}
