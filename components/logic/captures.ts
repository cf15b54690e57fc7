/**
 * Looks up a snippet's captures by id. A missing id is a loud error: a slide
 * must never show an empty box where the real output should be.
 */
import type { Diagnostic, GeneratedData, SnippetResult } from './snippet-data.ts'

export function findSnippet(data: GeneratedData, id: string): SnippetResult {
  const found = data.snippets[id]
  if (!found) {
    throw new Error(`snippet "${id}" has no captures in generated/snippets.json: check the id, then run \`npm run check\``)
  }
  return found
}

/** The diagnostics a learner would read first: errors, else everything. */
export function shownDiagnostics(result: SnippetResult): Diagnostic[] {
  const errors = result.diagnostics.filter(d => d.level === 'error')
  return errors.length ? errors : result.diagnostics
}

/** The command a learner would type to see the same thing. */
export function commandFor(result: SnippetResult): string {
  const name = result.id.slice(result.id.indexOf('/') + 1)
  if (result.expectation.kind === 'compile-error')
    return `rustc ${result.file.replace(/^snippets\//, '')}`
  if (result.expectation.kind === 'tests')
    return `cargo test --bin ${name}`
  return `cargo run -q --bin ${name}`
}

/** The toolchain line shown under captured output, e.g. `rustc 1.95.0`. */
export function toolchainLabel(rustc: string): string {
  return rustc.replace(/\s*\(.*\)\s*$/, '')
}
