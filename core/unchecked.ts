/**
 * Snippets the check never judges (`//! expect: ignore`) are marked "not
 * checked" wherever a slide shows them: a line under each `<<<` import of
 * one, added to the slide's markdown before Slidev renders it
 * (`setup/transformers.ts`). Pure: the caller says which ids are unchecked.
 */
import { scanBody } from './deck-model.ts'

/** The snippet id a `<<<` path imports (`@/../snippets/rc/src/bin/x.rs` is `rc/x`), or null for another file. */
export function importedSnippetId(path: string): string | null {
  const m = /(?:^|\/)snippets\/([\w-]+)\/(?:src\/bin|fail)\/([\w-]+)\.rs$/.exec(path)
  return m ? `${m[1]}/${m[2]}` : null
}

/** The markup under an unchecked snippet's code. */
export function uncheckedNote(id: string): string {
  return `<p class="snippet-unchecked">not checked: <code>${id}</code> is shown as its source has it; the check never compiles or runs it</p>`
}

/** The markdown with a "not checked" line under every import of an unchecked snippet (magic-move steps are left alone). */
export function markUnchecked(markdown: string, unchecked: (id: string) => boolean): string {
  const lines = markdown.split('\n')
  const marked = new Map<number, string>()
  for (const imp of scanBody(lines).imports) {
    const id = importedSnippetId(imp.path)
    if (id && !imp.inFence && unchecked(id))
      marked.set(imp.line, id)
  }
  if (marked.size === 0)
    return markdown
  return lines.flatMap((text, i) => (marked.has(i + 1) ? [text, '', uncheckedNote(marked.get(i + 1)!), ''] : [text])).join('\n')
}
