import type { Deck, DeckSource } from '../../core/deck-model.ts'
/**
 * The decks, loaded once: every `slides/<id>.md` and every file a `src:`
 * includes, each parsed once with Slidev's own parser, then built into the
 * deck model (core/deck-model.ts). The check, the site index, publish and
 * the build commands all list and read decks here.
 */
import { existsSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseDeck } from '../../adapter/slidev/parser.ts'
import { buildDecks, deckOrder, deckSource, resolveSrc } from '../../core/deck-model.ts'

export interface DeckSet {
  /** Every deck in `slides/`, topics in lesson order, then the whole lesson, then any other. */
  decks: Deck[]
  /** Every parsed file by path from the root (`slides/rc.md`), included files too. */
  files: Map<string, DeckSource>
  /** Everything wrong with the decks (parser errors, fields, time), each naming file and line. */
  problems: string[]
}

/** Ids of the decks in `slides/` (`rc`, `lesson`, …), in lesson order. */
export function listDeckIds(root: string): string[] {
  const dir = join(root, 'slides')
  if (!existsSync(dir))
    return []
  const entries = readdirSync(dir, { withFileTypes: true })
  return deckOrder(entries.filter(e => e.isFile() && e.name.endsWith('.md')).map(e => e.name.slice(0, -3)))
}

/** Parses one file; a parser that throws becomes an error at the file's first line. */
export function parseDeckFile(file: string, markdown: string): DeckSource {
  const lines = markdown.split(/\r?\n/)
  try {
    return deckSource(file, parseDeck(markdown, file), lines)
  }
  catch (error) {
    return { file, slides: [], errors: [`${file}:1: Slidev cannot parse this deck: ${(error as Error).message}`] }
  }
}

export async function loadDecks(root: string): Promise<DeckSet> {
  const ids = listDeckIds(root)
  const files = new Map<string, DeckSource>()
  const pending = ids.map(id => `slides/${id}.md`)
  while (pending.length) {
    const file = pending.shift()!
    if (files.has(file))
      continue
    const source = parseDeckFile(file, await readFile(join(root, file), 'utf8'))
    files.set(file, source)
    // Included files are parsed once too; a missing one is reported by the model.
    for (const slide of source.slides) {
      const target = slide.src === null ? null : resolveSrc(file, slide.src)
      if (target && !files.has(target) && !target.startsWith('..') && existsSync(join(root, target)))
        pending.push(target)
    }
  }
  const decks = buildDecks(ids, files)
  const problems = [...[...files.values()].flatMap(f => f.errors), ...decks.flatMap(d => d.problems)]
  return { decks, files, problems }
}

/** The deck `id`, or undefined when `slides/<id>.md` does not exist. */
export function findDeck(set: DeckSet, id: string): Deck | undefined {
  return set.decks.find(d => d.id === id)
}
