import type { DeckSet } from './decks.ts'
/**
 * A topic is declared once, in core/topics.ts; everything else that names
 * topics must agree with it: a deck `slides/<id>.md` whose title starts
 * with the outline number, a crate `snippets/<id>/` (package
 * `lesson-<id>`) in the workspace's `members`, and the whole lesson's
 * `src:` includes in the same order. `npm run new-topic` writes all of
 * them; this check says, at the file and line, which one went astray.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { resolveSrc } from '../../core/deck-model.ts'
import { LESSON_ID, TOPICS } from '../../core/topics.ts'
import { findDeck } from './decks.ts'

export const TOPICS_FILE = 'core/topics.ts'
export const WORKSPACE_FILE = 'snippets/Cargo.toml'

/** Where `[workspace] members` lists each crate: name → 1-based line. */
export function workspaceMembers(cargoToml: string): { members: Map<string, number>, line: number } {
  const lines = cargoToml.split('\n')
  const members = new Map<string, number>()
  const start = lines.findIndex(l => /^\s*members\s*=\s*\[/.test(l))
  if (start < 0)
    return { members, line: 1 }
  for (let i = start; i < lines.length; i++) {
    const text = lines[i]!.replace(/#.*$/, '')
    for (const m of text.matchAll(/"([^"]+)"/g))
      members.set(m[1]!, i + 1)
    if (text.includes(']'))
      break
  }
  return { members, line: start + 1 }
}

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

  // Crates: each topic a member named `lesson-<id>`; each `lesson-*` member a topic.
  const cargoPath = join(root, WORKSPACE_FILE)
  if (existsSync(cargoPath)) {
    const { members, line } = workspaceMembers(await readFile(cargoPath, 'utf8'))
    for (const id of ids) {
      if (!members.has(id))
        problems.push(`${WORKSPACE_FILE}:${line}: topic \`${id}\` (${declared(id)}) is not in the workspace's \`members\``)
    }
    for (const [member, at] of members) {
      const manifest = join(root, 'snippets', member, 'Cargo.toml')
      const name = existsSync(manifest) ? packageName(await readFile(manifest, 'utf8')) : null
      if (ids.includes(member) && name !== `lesson-${member}`)
        problems.push(`snippets/${member}/Cargo.toml:1: the crate of topic \`${member}\` is named \`lesson-${member}\`, not ${name === null ? 'nothing' : `\`${name}\``}`)
      else if (!ids.includes(member) && name?.startsWith('lesson-'))
        problems.push(`${WORKSPACE_FILE}:${at}: member \`${member}\` is a topic crate (\`${name}\`) but ${TOPICS_FILE} declares no topic \`${member}\``)
    }
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
