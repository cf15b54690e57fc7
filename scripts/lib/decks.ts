/**
 * What a deck's markdown asks of the snippets: `<<< path#region` imports
 * and `snippet="topic/name"` attributes on components, each with its line.
 */

export interface SnippetImport {
  /** 1-based line in the deck. */
  line: number
  /** The path as written, e.g. `@/../snippets/rc/src/bin/clone-counts.rs`. */
  path: string
  region: string | null
}

export interface SnippetRef {
  line: number
  id: string
  /** The region a live slide's step shows (`:steps="['rc/x#counts']"`, or the slide's `region="…"`). */
  region?: string
}

export interface DeckScan {
  imports: SnippetImport[]
  refs: SnippetRef[]
  /** `src:` frontmatter entries: other decks whose slides this deck includes. */
  sources: { line: number, path: string }[]
}

// `<<< @/path/to/file.rs#region lang {1|2}` — the path ends at the first space or `#`.
const IMPORT = /^\s*<<<\s+([^\s#]+)(?:#([\w-]+))?/
// A component naming a snippet by id: `<RunOutput snippet="rc/clone-counts" />`.
const REF = /\bsnippet="([^"]*)"/g
const SRC = /^src:\s*(\S+)\s*$/
// A live slide's steps: `<LiveSnippet :steps="['refcell/double-borrow', 'refcell/double-borrow-fixed#fixed']" region="alias" />`.
const STEPS = /:steps="\[([^\]]*)\]"/g
const REGION_ATTR = /\bregion="([\w-]+)"/

export function scanDeck(markdown: string): DeckScan {
  const scan: DeckScan = { imports: [], refs: [], sources: [] }
  // The fence we are inside, if any. Inside a plain code block nothing is an
  // import; a fence of four or more backticks (Slidev's magic-move) may hold
  // `<<<` imports of its own.
  let fence: string | null = null
  markdown.split('\n').forEach((text, index) => {
    const line = index + 1
    const marker = /^\s*(`{3,}|~{3,})([^`~]*)$/.exec(text)
    if (marker && fence === null) {
      fence = marker[1]!
      return
    }
    if (marker && fence !== null && marker[1]![0] === fence[0] && marker[1]!.length >= fence.length && marker[2]!.trim() === '') {
      fence = null
      return
    }
    if (fence === null || fence.length > 3) {
      const imp = IMPORT.exec(text)
      if (imp)
        scan.imports.push({ line, path: imp[1]!, region: imp[2] ?? null })
    }
    if (fence !== null)
      return
    for (const ref of text.matchAll(REF))
      scan.refs.push({ line, id: ref[1]! })
    for (const steps of text.matchAll(STEPS)) {
      const region = REGION_ATTR.exec(text)?.[1]
      for (const step of steps[1]!.matchAll(/'([^']*)'/g)) {
        const [id, own] = step[1]!.split('#') as [string, string | undefined]
        const shown = own || region
        scan.refs.push(shown ? { line, id, region: shown } : { line, id })
      }
    }
    const src = SRC.exec(text)
    if (src)
      scan.sources.push({ line, path: src[1]! })
  })
  return scan
}
