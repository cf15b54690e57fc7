import type { DeckSource } from '../../core/deck-model.ts'
import type { DeckSet } from './decks.ts'
import type { Snippet } from './snippets.ts'
/**
 * Slide integrity: every `<<<` import and `snippet="…"` reference in every
 * deck resolves to a real file, region and snippet, and every snippet is
 * shown somewhere (or says why not). Decks come from the one loader
 * (`decks.ts`); missing `src:` includes are reported by the deck model.
 */
import { existsSync, realpathSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { LessonError } from '../../core/errors.ts'
import { parseRegions } from '../../core/snippet-source.ts'

export interface DeckCheck {
  problems: string[]
  /** Imported snippets (a `//! source:` header) that no slide shows yet: listed, not failed. */
  unshown: Snippet[]
}

export async function checkDecks(root: string, decks: DeckSet, snippets: readonly Snippet[]): Promise<DeckCheck> {
  const problems: string[] = []
  const unshown: Snippet[] = []
  const byPath = new Map(snippets.map(s => [s.path, s]))
  const byId = new Map(snippets.map(s => [s.id, s]))
  const used = new Set<Snippet>()
  const slidesDir = join(root, 'slides')
  const kitRoot = realpathSync(root)

  for (const source of decks.files.values()) {
    const deckFile = source.file
    const deck = join(root, deckFile)
    for (const imp of source.slides.flatMap(s => s.imports)) {
      const where = `${deckFile}:${imp.line}`
      // `@/` is the deck's entry directory; every deck lives in slides/.
      const target = imp.path.startsWith('@/') ? join(slidesDir, imp.path.slice(2)) : resolve(dirname(deck), imp.path)
      // Slidev reads whatever the path names: the check refuses a file outside the kit, by path or through a link.
      if (outside(kitRoot, target) || (existsSync(target) && outside(kitRoot, realpathSync(target)))) {
        problems.push(`${where}: \`<<< ${imp.path}\` imports ${target}, which is outside the kit; import snippets from snippets/, e.g. \`<<< @/../snippets/<topic>/src/bin/<name>.rs\``)
        continue
      }
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
  problems.push(...editionProblems(decks, byPath, byId, slidesDir, root))
  for (const s of snippets) {
    if (used.has(s) || s.support !== null)
      continue
    // Imported material: a chapter comes in whole, and its user then chooses what to show.
    if (s.provenance !== null)
      unshown.push(s)
    else problems.push(`${s.file}:1: no slide shows snippet \`${s.id}\`; import it in slides/${s.topic}.md, name it with snippet="${s.id}", or mark it \`//! support: <why>\``)
  }
  return { problems, unshown }
}

/** Whether `path` lies outside the folder `root` (both absolute). */
function outside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)
}

/**
 * A slide showing a snippet whose outcome differs between editions says
 * which edition it shows, and what the other did: `<EditionContrast>`.
 */
function editionProblems(decks: DeckSet, byPath: ReadonlyMap<string, Snippet>, byId: ReadonlyMap<string, Snippet>, slidesDir: string, root: string): string[] {
  const problems: string[] = []
  for (const source of decks.files.values()) {
    const deck = join(root, source.file)
    for (const slide of source.slides) {
      const shown = new Map<Snippet, number>()
      for (const imp of slide.imports) {
        const s = byPath.get(imp.path.startsWith('@/') ? join(slidesDir, imp.path.slice(2)) : resolve(dirname(deck), imp.path))
        if (s && !shown.has(s))
          shown.set(s, imp.line)
      }
      for (const ref of slide.refs) {
        const s = byId.get(ref.id)
        if (s && !shown.has(s))
          shown.set(s, ref.line)
      }
      for (const [s, line] of shown) {
        if (s.otherExpectation === null || slide.components.some(c => c.name === 'EditionContrast' && c.props.snippet === s.id))
          continue
        problems.push(`${source.file}:${line}: shows ${s.id}, which behaves differently under edition ${s.otherEdition} (${s.file}:${s.otherLine}); say which edition the slide shows and what the other does: add <EditionContrast snippet="${s.id}" /> to this slide`)
      }
    }
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
