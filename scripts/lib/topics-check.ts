import type { DeckSet } from './decks.ts'
/**
 * A topic is declared once, in core/topics.ts. The deck list, the site
 * index, the schedule and the cargo workspace (`members = ["*"]`) are
 * derived from that declaration or from the folders it names, so they
 * cannot disagree with it. What cannot be derived is checked here, at the
 * file and line:
 *
 * - each topic has its deck `slides/<id>.md` and its crate
 *   `snippets/<id>/` (package `lesson-<id>`), and no other deck or
 *   `lesson-*` crate exists;
 * - a topic deck's `title` starts with the outline number, and the whole
 *   lesson's `src:` includes name every topic in the declared order. Both
 *   are in markdown that Slidev reads itself, before any code of the kit
 *   runs, so they stay hand-written; `npm run new-topic` writes them.
 */
import { existsSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { resolveSrc } from '../../core/deck-model.ts'
import { LESSON_ID, TOPICS } from '../../core/topics.ts'
import { findDeck } from './decks.ts'

export const TOPICS_FILE = 'core/topics.ts'

/** The `name = "…"` of a crate's `[package]`. */
export function packageName(cargoToml: string): string | null {
  return /^\s*name\s*=\s*"([^"]+)"/m.exec(cargoToml)?.[1] ?? null
}

export async function checkTopics(root: string, decks: DeckSet): Promise<string[]> {
  const problems: string[] = []
  const topicsText = existsSync(join(root, TOPICS_FILE)) ? await readFile(join(root, TOPICS_FILE), 'utf8') : ''
  const declared = (id: string) => {
    const line = topicsText.split('\n').findIndex(l => l.includes(`id: '${id}'`))
    return `${TOPICS_FILE}:${line + 1 || 1}`
  }
  const ids = TOPICS.map(t => t.id)

  // Decks: one per topic, titled with its number; no deck that is neither a topic nor the lesson.
  for (const t of TOPICS) {
    const deck = findDeck(decks, t.id)
    if (!deck) {
      problems.push(`${declared(t.id)}: topic \`${t.id}\` has no deck: slides/${t.id}.md does not exist`)
      continue
    }
    if (deck.meta.title && !deck.meta.title.startsWith(`${t.number} `))
      problems.push(`${deck.source.file}:${deck.source.slides[0]?.keyLines.title ?? 1}: the title of topic \`${t.id}\` starts with its number, \`${t.number} …\` (${declared(t.id)}), not ${JSON.stringify(deck.meta.title)}`)
  }
  for (const deck of decks.decks.filter(d => d.kind === 'other'))
    problems.push(`${deck.source.file}:1: slides/${deck.id}.md is a deck but \`${deck.id}\` is not a topic in ${TOPICS_FILE} (topics: ${ids.join(', ')}); add topics with \`npm run new-topic\``)

  // Crates: every folder of snippets/ is a workspace member; each topic has one named `lesson-<id>`, and each `lesson-*` crate is a topic.
  const workspace = join(root, 'snippets')
  const folders = existsSync(workspace) ? readdirSync(workspace, { withFileTypes: true }).filter(e => e.isDirectory() && e.name !== 'target').map(e => e.name).sort() : []
  for (const id of ids.filter(id => !folders.includes(id)))
    problems.push(`${declared(id)}: topic \`${id}\` has no crate: snippets/${id}/Cargo.toml does not exist`)
  for (const dir of folders) {
    const manifest = join(workspace, dir, 'Cargo.toml')
    const name = existsSync(manifest) ? packageName(await readFile(manifest, 'utf8')) : null
    if (ids.includes(dir) && name !== `lesson-${dir}`)
      problems.push(`snippets/${dir}/Cargo.toml:1: the crate of topic \`${dir}\` is named \`lesson-${dir}\`, not ${name === null ? 'nothing' : `\`${name}\``}`)
    else if (!ids.includes(dir) && name?.startsWith('lesson-'))
      problems.push(`snippets/${dir}/Cargo.toml:1: \`${name}\` is a topic crate but ${TOPICS_FILE} declares no topic \`${dir}\`; add topics with \`npm run new-topic\``)
  }

  // The whole lesson includes every topic deck, in the declared order, each marked with its `topic:`.
  const lesson = findDeck(decks, LESSON_ID)
  if (lesson) {
    const includes = lesson.source.slides.filter(s => s.src !== null).flatMap((s) => {
      const target = resolveSrc(lesson.source.file, s.src!)
      const m = /^slides\/([^/]+)\.md$/.exec(target)
      return m ? [{ id: m[1]!, slide: s }] : []
    })
    let next = 0
    for (const { id, slide } of includes) {
      const where = `${lesson.source.file}:${slide.keyLines.src ?? slide.line}`
      if (!ids.includes(id)) {
        problems.push(`${where}: the lesson includes slides/${id}.md, which is not a topic in ${TOPICS_FILE}`)
        continue
      }
      if (slide.frontmatter.topic !== id)
        problems.push(`${lesson.source.file}:${slide.keyLines.topic ?? slide.line}: the slide that includes slides/${id}.md says \`topic: ${String(slide.frontmatter.topic ?? '')}\`; it must say \`topic: ${id}\``)
      if (ids[next] !== id) {
        problems.push(`${where}: the lesson includes \`${id}\` where ${TOPICS_FILE} puts ${ids[next] ? `\`${ids[next]}\`` : 'no more topics'} (order: ${ids.join(', ')})`)
        next = ids.indexOf(id)
      }
      next++
    }
    const included = new Set(includes.map(i => i.id))
    for (const id of ids.filter(id => !included.has(id)))
      problems.push(`${lesson.source.file}:1: the lesson does not include topic \`${id}\` (${declared(id)}): add a slide with \`src: ./${id}.md\` and \`topic: ${id}\``)
  }
  return problems
}
