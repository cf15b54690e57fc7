/**
 * Looks up a snippet's captures by id. A missing id is a loud error: a slide
 * must never show an empty box where the real output should be.
 */
import type { Diagnostic, GeneratedData, SnippetResult } from './snippet-data.ts'

export function findSnippet(data: GeneratedData, id: string): SnippetResult {
  const found = data.snippets[id]
  if (!found) {
    throw new Error(`snippet "${id}" has no captures in generated/lesson-model.json: check the id, then run \`npm run check\``)
  }
  return found
}

/** The diagnostics a learner would read first: errors, else everything. */
export function shownDiagnostics(result: SnippetResult): Diagnostic[] {
  const errors = result.diagnostics.filter(d => d.level === 'error')
  return errors.length ? errors : result.diagnostics
}

/** The toolchain line shown under captured output, e.g. `rustc 1.95.0`. */
export function toolchainLabel(rustc: string): string {
  return rustc.replace(/\s*\(.*\)\s*$/, '')
}
