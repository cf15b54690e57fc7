/**
 * Reads the Rust code blocks of an mdbook chapter as rustdoc and mdbook
 * see them: fences with attributes (```` ```rust,editable,compile_fail ````),
 * also inside `<details>` or list items; `{{#include file:anchor}}`,
 * `{{#include file:3:7}}` and `{{#rustdoc_include …}}` expanded relative to
 * the chapter; hidden `# ` lines shown; a block without `main` wrapped as
 * rustdoc wraps it. Each block says what its authors promise. Files are read
 * through `read`, so the parsing itself touches nothing.
 */
import { dirname, join } from 'node:path'
import { LessonError } from '../../core/errors.ts'
import { anchorMarker } from '../../core/snippet-source.ts'

/** What a block's authors promise, in rustdoc's terms. */
export type BlockPromise = 'runs' | 'compile-error' | 'panics' | 'builds' | 'ignore'

export interface ChapterBlock {
  /** 1-based number among the chapter's Rust blocks. */
  index: number
  /** 1-based line of the opening fence in the chapter. */
  line: number
  /** The fence's attributes after the language, as written (`ignore`, `does_not_compile`). */
  attributes: string[]
  /** The promise its attributes make. */
  promise: BlockPromise
  /** `edition2021` and the like, when the fence sets one. */
  edition: string | null
  /** Error codes a `compile_fail,E0499` names: information only (stable rustdoc does not check them). */
  codes: string[]
  /** The program rustdoc compiles: includes expanded, hidden lines shown, wrapped in `main` when it has none. */
  code: string
  /** 1-based lines of `code` the page shows (the others are hidden or the wrapper). */
  shown: number[]
  /** Whether `fn main() { … }` was added around it. */
  wrapped: boolean
  /** A cargo listing (folder with `Cargo.toml` and `output.txt`) whose source the block includes. */
  listing: string | null
  /** One sentence per thing worth saying about how it was read. */
  notes: string[]
}

/** Attributes that change nothing the check judges: how the page shows the block. */
const DISPLAY = new Set(['editable', 'noplayground', 'mdbook-runnable', 'playground', 'warnunused', 'hidelines'])
const KNOWN = new Set([...DISPLAY, 'compile_fail', 'does_not_compile', 'should_panic', 'panics', 'ignore', 'no_run', 'not_desired_behavior', 'test_harness', 'allow_fail'])
const FENCE = /^([ \t>]*)(`{3,}|~{3,})([^`~]*)$/

export interface FileReader {
  /** The file's text, or null when it does not exist. */
  read: (path: string) => string | null
  exists: (path: string) => boolean
}

export function readChapter(text: string, file: string, files: FileReader): ChapterBlock[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n')
  const blocks: ChapterBlock[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!)
    if (!open)
      continue
    const [, indent, fence, info] = open as unknown as [string, string, string, string]
    const body: string[] = []
    let j = i + 1
    for (; j < lines.length; j++) {
      const close = FENCE.exec(lines[j]!)
      if (close && close[2]!.startsWith(fence[0]!) && close[2]!.length >= fence.length && close[3]!.trim() === '')
        break
      body.push(stripIndent(lines[j]!, indent))
    }
    if (j >= lines.length)
      throw new LessonError(`${file}:${i + 1}: a code block opened here is never closed`)
    const tokens = info.trim().split(/[\s,]+/).filter(Boolean)
    const lang = tokens[0]?.toLowerCase() ?? ''
    // rustdoc reads a fence that starts with an attribute as Rust.
    const isRust = lang === 'rust' || (KNOWN.has(lang) && lang !== '') || /^edition\d{4}$/.test(lang)
    if (isRust) {
      const attributes = lang === 'rust' ? tokens.slice(1) : tokens
      blocks.push(readBlock(body, attributes, blocks.length + 1, i + 1, file, files))
    }
    i = j
  }
  return blocks
}

function stripIndent(line: string, indent: string): string {
  let k = 0
  while (k < indent.length && k < line.length && line[k] === indent[k])
    k++
  return line.slice(k)
}

function readBlock(body: string[], attributes: string[], index: number, line: number, file: string, files: FileReader): ChapterBlock {
  const notes: string[] = []
  const has = (...names: string[]) => names.some(n => attributes.includes(n))
  const codes = attributes.filter(a => /^E\d{4}$/.test(a))
  const edition = attributes.find(a => /^edition\d{4}$/.test(a))?.slice('edition'.length) ?? null
  const unknown = attributes.filter(a => !KNOWN.has(a) && !codes.includes(a) && !/^edition\d{4}$/.test(a) && !a.startsWith('{') && !a.startsWith('hidelines='))
  if (unknown.length)
    notes.push(`attribute${unknown.length > 1 ? 's' : ''} ${unknown.map(a => `\`${a}\``).join(', ')} not understood; read as a plain block`)
  const promise: BlockPromise = has('compile_fail', 'does_not_compile')
    ? 'compile-error'
    : has('should_panic', 'panics')
      ? 'panics'
      : has('ignore')
        ? 'ignore'
        : has('no_run')
          ? 'builds'
          : 'runs'
  if (codes.length)
    notes.push(`the source names ${codes.join(' ')}; stable rustdoc does not check codes, so any compile error keeps the promise and rustc's codes are recorded`)

  // mdbook expands includes first; rustdoc then hides `# ` lines.
  let listing: string | null = null
  const expanded: string[] = []
  for (const [k, text] of body.entries()) {
    const directive = /^\s*\{\{#(include|rustdoc_include) ([^}\s]+)\}\}$/.exec(text.trim())
    if (!directive) {
      expanded.push(text)
      continue
    }
    const [, kind, spec] = directive as unknown as [string, string, string]
    const included = include(kind as 'include' | 'rustdoc_include', spec, dirname(file), `${file}:${line + 1 + k}`, files)
    expanded.push(...included.lines)
    listing ??= included.listing
  }

  // Hidden lines: `# code` (and a lone `#`) are compiled, not shown; `##` is a literal `#`.
  const source: { text: string, shown: boolean }[] = expanded.map((text) => {
    const hidden = /^(\s*)#(?: (.*)|$)/.exec(text)
    if (hidden && !/^\s*#[[!]/.test(text))
      return { text: `${hidden[1]}${hidden[2] ?? ''}`, shown: false }
    return { text: text.replace(/^(\s*)##/, '$1#'), shown: true }
  })
  while (source.length && source.at(-1)!.text.trim() === '')
    source.pop()

  // rustdoc: code without `fn main` is wrapped in one; crate attributes stay at the top.
  const program = source.map(l => l.text).join('\n')
  const wrapped = promise !== 'ignore' && !/^\s*(?:pub\s+)?(?:async\s+)?fn\s+main\s*\(/m.test(program)
  let final = source
  let bodyStart = 0
  if (wrapped && itemsOnly(source.map(l => l.text))) {
    // Items alone (a library's code): the same compile as rustdoc's wrapper,
    // and a `mod tests` keeps its `use super::*`.
    // Before a test module and the comments above it (clippy denies items after a test module).
    let at = source.findIndex(l => l.text.startsWith('#[cfg(test)]'))
    while (at > 0 && source[at - 1]!.text.startsWith('//'))
      at--
    const main = [{ text: 'fn main() {}', shown: false }, { text: '', shown: false }]
    final = at >= 0 ? [...source.slice(0, at), ...main, ...source.slice(at)] : [...source, { text: '', shown: false }, main[0]!]
    notes.push('it has no `main` and holds only items: an empty `fn main() {}` was added among them')
  }
  else if (wrapped) {
    let top = 0
    while (top < source.length && (/^\s*#!\[/.test(source[top]!.text) || /^\s*extern crate\b/.test(source[top]!.text) || source[top]!.text.trim() === ''))
      top++
    bodyStart = top + 1
    final = [
      ...source.slice(0, top),
      { text: 'fn main() {', shown: false },
      ...source.slice(top).map(l => ({ ...l, text: l.text.trim() === '' ? '' : `    ${l.text}` })),
      { text: '}', shown: false },
    ]
    notes.push('it has no `main`: wrapped in `fn main() { … }` as rustdoc wraps it')
  }
  return {
    index,
    line,
    attributes,
    promise,
    edition,
    codes,
    code: `${final.map(l => l.text).join('\n')}\n`,
    // A wrapped block's region is its body: crate attributes moved above `main` stay outside it.
    shown: final.flatMap((l, n) => (l.shown && n >= bodyStart ? [n + 1] : [])),
    wrapped,
    listing,
    notes,
  }
}

/** An item at the start of a line: what a library's top level holds. */
const ITEM = /^(?:pub(?:\([^)]*\))? )?(?:(?:async|const|unsafe|extern(?: "[^"]*")?) )*(?:fn|struct|enum|union|trait|impl|mod|use|const|static|type|macro_rules!|where|extern crate)\b/

/** Whether the code's top level holds only items (and attributes, comments, closing brackets), no statements. */
export function itemsOnly(lines: readonly string[]): boolean {
  return lines.some(l => ITEM.test(l)) && lines.every(l => l === '' || /^[\s){}\]#/]/.test(l) || ITEM.test(l))
}

interface Included { lines: string[], listing: string | null }

/**
 * `path`, `path:anchor`, `path:3`, `path:3:7`, `path:3:`, `path::7`. An
 * `#include` takes the part; a `#rustdoc_include` takes the whole file and
 * hides the lines outside the part. Anchor lines are never included.
 */
function include(kind: 'include' | 'rustdoc_include', spec: string, base: string, where: string, files: FileReader): Included {
  const [path = '', ...rest] = spec.split(':')
  const target = join(base, path)
  const text = files.read(target)
  if (text === null)
    throw new LessonError(`${where}: \`{{#${kind} ${spec}}}\` names ${target}, which does not exist`)
  const all = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n')
  let inside: (n: number) => boolean
  if (rest.length === 0 || (rest.length === 1 && rest[0] === '')) {
    inside = () => true
  }
  else if (rest.length === 1 && !/^\d+$/.test(rest[0]!)) {
    const anchor = rest[0]!
    const marks = all.map(anchorMarker)
    const start = marks.findIndex(m => m?.kind === 'start' && m.name === anchor)
    const end = marks.findIndex((m, n) => n > start && m?.kind === 'end' && m.name === anchor)
    if (start < 0)
      throw new LessonError(`${where}: anchor \`${anchor}\` is not in ${target}`)
    inside = n => n > start && (end < 0 || n < end)
  }
  else {
    const from = rest[0] ? Number(rest[0]) : 1
    const to = rest.length === 1 ? from : rest[1] ? Number(rest[1]) : all.length
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from)
      throw new LessonError(`${where}: \`${spec}\` is not a line range mdbook reads (\`file:3:7\`, \`file:3:\`, \`file::7\`, \`file:3\`)`)
    inside = n => n + 1 >= from && n + 1 <= to
  }
  const lines: string[] = []
  all.forEach((l, n) => {
    if (anchorMarker(l))
      return
    if (inside(n))
      lines.push(l)
    else if (kind === 'rustdoc_include')
      lines.push(l.trim() === '' ? '#' : `# ${l}`)
  })
  // A cargo listing beside its recorded run, as the Rust Book keeps them.
  const project = /\/src\/(?:main|lib)\.rs$/.test(target) ? dirname(dirname(target)) : null
  const listing = project && files.exists(join(project, 'Cargo.toml')) && files.exists(join(project, 'output.txt')) ? project : null
  return { lines, listing }
}

/** The chapters of a folder: its `.md` files but `SUMMARY.md`, in name order. */
export function isChapter(name: string): boolean {
  return name.endsWith('.md') && name !== 'SUMMARY.md'
}

/**
 * The book's settings that change how its code compiles or looks: the
 * edition in `book.toml` (`[rust] edition = "2021"`), and the options of a
 * `rustfmt.toml` beside it or above the chapter.
 */
export function bookSettings(chapter: string, files: FileReader): { edition: string | null, rustfmt: string[], rustfmtFile: string | null } {
  let edition: string | null = null
  let rustfmt: string[] = []
  let rustfmtFile: string | null = null
  let dir = dirname(chapter)
  for (let up = 0; up < 6; up++) {
    const book = files.read(join(dir, 'book.toml'))
    if (book !== null && edition === null)
      edition = /^\s*edition\s*=\s*"(\d{4})"/m.exec(book)?.[1] ?? null
    for (const name of ['rustfmt.toml', '.rustfmt.toml']) {
      const fmt = rustfmtFile === null ? files.read(join(dir, name)) : null
      if (fmt !== null) {
        rustfmtFile = join(dir, name)
        rustfmt = rustfmtOptions(fmt)
      }
    }
    if (book !== null || dirname(dir) === dir)
      break
    dir = dirname(dir)
  }
  return { edition, rustfmt, rustfmtFile }
}

/** A `rustfmt.toml`'s options as `rustfmt --config` takes them (`max_width=85`); `edition` is the snippet's own. */
export function rustfmtOptions(toml: string): string[] {
  const options: string[] = []
  for (const line of toml.split('\n')) {
    const m = /^\s*([a-z_]+)\s*=\s*"?([\w.-]+)"?\s*(?:#.*)?$/.exec(line)
    if (m && m[1] !== 'edition' && m[1] !== 'style_edition')
      options.push(`${m[1]}=${m[2]}`)
  }
  return options
}
