/**
 * The snippet-source grammar, parsed in one place: the `//!` header with the
 * snippet's promise (`./snippet-header.ts`), the `#region` markers slides
 * import, where the body starts, the recorder lines slides hide, and the
 * views built from them: the learner's file for the exercises and the
 * program the live editor compiles, with its line mapping.
 */
import { LessonError } from './errors.ts'
import { headerBlock } from './snippet-header.ts'

export type { HeaderBlock, HeaderKey, SnippetHeader } from './snippet-header.ts'
export type { Edition } from './snippet-header.ts'
export { DEFAULT_EDITION, describeExpectation, EDITIONS, headerBlock, otherEditionOf, parseExpectation, parseHeader } from './snippet-header.ts'

/** Index (0-based) of the first line of the body: after the header and the blank line that closes it. */
export function bodyStart(lines: readonly string[]): number {
  let start = 0
  while (start < lines.length && lines[start]!.startsWith('//!'))
    start++
  if (start > 0 && lines[start]?.trim() === '')
    start++
  return start
}

// Regions: `// #region name` … `// #endregion name`, as Slidev's `<<< file#name`
// import reads them. Slidev imports the whole file when a name is missing, so
// the check finds every region itself and fails on anything it cannot match.

export interface Region {
  name: string
  /** 1-based lines of the two markers. */
  start: number
  end: number
}

export type RegionMarker = { kind: 'start', name: string } | { kind: 'end', name: string | null }

/** `// #region name` and `//#region name`, indented or not; the same for `#endregion` (whose name is optional). */
const REGION_START = /^\s*\/\/\s*#region\s+([\w-]+)\s*$/
const REGION_END = /^\s*\/\/\s*#endregion(?:\s+([\w-]+))?\s*$/
/** Anything that looks like a marker but is not one: a misspelling would silently import the whole file. */
const NEAR_MISS = /^\s*\/\/\s*#\s*(?:end\s*)?reg/i

/** A marker line as the kit writes it (`// #region name`), indented like the code it marks. */
export function markerLine(kind: RegionMarker['kind'], name: string, indent = ''): string {
  return `${indent}// ${kind === 'start' ? '#region' : '#endregion'} ${name}`
}

/** The marker on this line, or null. Every view of a snippet drops exactly these lines. */
export function regionMarker(text: string): RegionMarker | null {
  const start = REGION_START.exec(text)
  if (start)
    return { kind: 'start', name: start[1]! }
  const end = REGION_END.exec(text)
  return end ? { kind: 'end', name: end[1] ?? null } : null
}

/** An `ANCHOR: name` / `ANCHOR_END: name` line, as mdbook marks parts of a file: its kind, name and indent. */
export interface AnchorMarker { kind: RegionMarker['kind'], name: string, indent: string }

/**
 * mdbook's marker on this line, or null: the Book's dialect of regions,
 * read by its includes (`scripts/lib/mdbook.ts`) and turned into the kit's
 * own by the import (`markerLine`).
 */
export function anchorMarker(line: string): AnchorMarker | null {
  const m = /\bANCHOR(_END)?:\s*([\w-]+)/.exec(line)
  return m ? { kind: m[1] ? 'end' : 'start', name: m[2]!, indent: /^[ \t]*/.exec(line)![0] } : null
}

/**
 * A marker quoted inside a longer line, or null: rustc quotes the source
 * around an error (`12 |     // #endregion name`), and a slide must never
 * show one. Reads from each `//` in the line with `regionMarker`.
 */
export function quotedRegionMarker(text: string): RegionMarker | null {
  for (let i = text.indexOf('//'); i >= 0; i = text.indexOf('//', i + 1)) {
    const marker = regionMarker(text.slice(i))
    if (marker)
      return marker
  }
  return null
}

export function parseRegions(source: string, file: string): Map<string, Region> {
  const regions = new Map<string, Region>()
  const open = new Map<string, number>()
  source.split('\n').forEach((text, index) => {
    const line = index + 1
    const marker = regionMarker(text)
    if (marker?.kind === 'start') {
      if (open.has(marker.name) || regions.has(marker.name))
        throw new LessonError(`${file}:${line}: region \`${marker.name}\` is opened twice`)
      open.set(marker.name, line)
    }
    else if (marker?.kind === 'end') {
      // An unnamed `#endregion` closes the innermost open region.
      const name = marker.name ?? [...open.keys()].at(-1)
      if (!name || !open.has(name))
        throw new LessonError(`${file}:${line}: \`#endregion${marker.name ? ` ${marker.name}` : ''}\` closes no open region`)
      regions.set(name, { name, start: open.get(name)!, end: line })
      open.delete(name)
    }
    else if (NEAR_MISS.test(text)) {
      throw new LessonError(`${file}:${line}: \`${text.trim()}\` looks like a region marker but is not \`// #region name\` or \`// #endregion name\``)
    }
  })
  const [unclosed] = open
  if (unclosed)
    throw new LessonError(`${file}:${unclosed[1]}: region \`${unclosed[0]}\` is never closed with \`// #endregion ${unclosed[0]}\``)
  return regions
}

/** `regions.get(name)`, or an error naming `where` and how to mark the region. */
export function requireRegion<T>(regions: ReadonlyMap<string, T>, name: string, where: string, makeError: (message: string) => Error = m => new LessonError(m)): T {
  const region = regions.get(name)
  if (region === undefined)
    throw makeError(`${where}: no region \`${name}\` (mark it with \`// #region ${name}\` … \`// #endregion ${name}\`)`)
  return region
}

// Recorder lines. Snippets call the `trace` crate at the moments an animation
// shows. Those calls record; they print nothing and change nothing the
// program does, so slides hide them to keep the code a learner reads the
// code that matters. The full file is what `npm run check` compiles and runs.

/** A line that only records: `trace::…(…);` or `use trace::…;`. */
const RECORDER = /^\s*(?:trace::|use trace(?:::|;))/

/** Indices (0-based) of the lines that only call the recorder, a call rustfmt wrapped included. */
export function recorderLines(lines: readonly string[]): Set<number> {
  const hidden = new Set<number>()
  let depth = 0
  lines.forEach((line, i) => {
    if (depth > 0 || RECORDER.test(line)) {
      // A wrapped call ends where its brackets close.
      depth += count(line, '(') + count(line, '[') + count(line, '{') - count(line, ')') - count(line, ']') - count(line, '}')
      if (depth < 0)
        depth = 0
      hidden.add(i)
    }
  })
  return hidden
}

/** The slide's view of a code block: the recorder lines left out. */
export function hideInstrumentation(code: string): string {
  const lines = code.split('\n')
  const hidden = recorderLines(lines)
  return lines.filter((_, i) => !hidden.has(i)).join('\n')
}

/** Whether the code calls the recorder at all (its crate is then a dependency). */
export function usesRecorder(code: string): boolean {
  return /\b(?:trace::|use trace\b)/.test(code)
}

function count(line: string, ch: string): number {
  return line.split(ch).length - 1
}

// Views of a snippet.

/**
 * A snippet as a learner's file (the exercises): the header's keys, blank
 * `//!` lines they leave at the top of the header, and the region markers
 * removed; the prose and the code stay.
 */
export function learnerSource(source: string): string {
  const lines = source.split('\n')
  const header = headerBlock(source)
  const keys = new Set(header.keys.map(k => k.line - 1))
  const kept: string[] = []
  lines.forEach((line, i) => {
    if (keys.has(i) || regionMarker(line))
      return
    const blankInHeader = i < header.lines && line.trim() === '//!'
    // A blank `//!` with nothing kept above it, or after another, separated only keys.
    if (blankInHeader && keys.size && (kept.length === 0 || kept.at(-1)!.trim() === '//!'))
      return
    kept.push(line)
  })
  return kept.join('\n')
}

/** The program the live editor shows and compiles: the body, without recorder lines and region markers. */
export interface ProgramView {
  /** Line `i + 1` of the compiled program is `lines[i]`. */
  lines: string[]
  /** For each of `lines`, its 1-based line in the snippet file. */
  sourceLines: number[]
  /** Each region as a range of `lines`: from `from` up to, not including, `to`. */
  regions: Map<string, { from: number, to: number }>
}

export function programView(source: string): ProgramView {
  const all = source.split('\n')
  const hidden = recorderLines(all)
  const numbered = all.map((text, i) => ({ text, no: i + 1 })).filter((_, i) => !hidden.has(i))
  const body = numbered.slice(bodyStart(numbered.map(l => l.text)))
  const view: ProgramView = { lines: [], sourceLines: [], regions: new Map() }
  const open: { name: string, from: number }[] = []
  for (const { text, no } of body) {
    const marker = regionMarker(text)
    if (!marker) {
      view.lines.push(text)
      view.sourceLines.push(no)
    }
    else if (marker.kind === 'start') {
      open.push({ name: marker.name, from: view.lines.length })
    }
    else {
      const at = marker.name === null ? open.length - 1 : open.findLastIndex(r => r.name === marker.name)
      if (at >= 0) {
        const [region] = open.splice(at, 1)
        view.regions.set(region!.name, { from: region!.from, to: view.lines.length })
      }
    }
  }
  return view
}

/**
 * The source with the header lines of `keys` blanked to `//!`, line numbers
 * kept: what a capture depends on when those keys only say what to expect
 * of it (`expect:`, `support:`), so editing a promise needs no rebuild.
 */
export function blankHeaderKeys(source: string, keys: readonly string[]): string {
  const blank = new Set(headerBlock(source).keys.filter(k => keys.includes(k.key)).map(k => k.line - 1))
  return source.split('\n').map((line, i) => blank.has(i) ? '//!' : line).join('\n')
}
