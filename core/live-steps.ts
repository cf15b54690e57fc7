import type { LiveProgram } from './live-code.ts'
/**
 * The steps of a live slide: the checked snippets an instructor plays one
 * after the other (`refcell/double-borrow`, then `refcell/double-borrow-fixed`),
 * each shown as the editor's code with the lines that changed since the
 * step before, and what the check captured for it. Plain functions, no Vue.
 */
import type { LiveResponse } from './live-contract.ts'
import type { SnippetResult } from './snippet-data.ts'
import { liveProgram, recordedResponse } from './live-code.ts'
import { describeExpectation } from './snippet-header.ts'

/** One step of a live slide, ready to show. */
export interface LiveStep {
  /** The snippet id, e.g. `refcell/double-borrow-fixed`. */
  id: string
  /** The program split around the region the editor shows. */
  program: LiveProgram
  /** What the editor shows for this step. */
  code: string
  /** 0-based editor lines that differ from the step before (none for the first step). */
  changed: number[]
  /** What the check captured for this step's snippet, as a live answer. */
  recorded: LiveResponse
  /** rustc's error codes for this step (`E0499`), from the capture. */
  codes: string[]
  /** The promise the check judged, e.g. `compile-error E0499`. */
  promise: string
  /** The check found the promise broken. */
  failed: boolean
  /** The file differs from the source the check ran (edited since the last check); null when the file is not known here. */
  changedSinceCheck: boolean | null
}

/**
 * The lines of `next` that are not in a longest common subsequence with
 * `prev`: what a step inserted or changed (0-based). Quadratic, for the few
 * dozen lines an editor shows.
 */
export function changedLines(prev: string, next: string): number[] {
  const a = prev.split('\n')
  const b = next.split('\n')
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  const lcs = Array.from({ length: a.length + 1 }, () => Array.from<number>({ length: b.length + 1 }).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  }
  const changed: number[] = []
  let i = 0
  let j = 0
  while (j < b.length) {
    if (i < a.length && a[i] === b[j]) {
      i++
      j++
    }
    else if (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      i++
    }
    else {
      changed.push(j)
      j++
    }
  }
  return changed
}

/** A promise as the snippet's header states it. */
export function promiseText(result: SnippetResult): string {
  return describeExpectation(result.expectation)
}

/** The error codes rustc gave, e.g. `E0499`, in order, once each. */
export function errorCodes(result: SnippetResult): string[] {
  return [...new Set(result.diagnostics.filter(d => d.level === 'error' && d.code).map(d => d.code!))]
}

/** A step as a slide names it: `refcell/double-borrow` or, with its own region, `refcell/double-borrow-fixed#fixed`. */
export interface StepRef {
  id: string
  region: string | undefined
}

/** Reads `id` or `id#region`; `region` is the slide's default. */
export function parseStepRef(step: string, region: string | undefined): StepRef {
  const hash = step.indexOf('#')
  return hash < 0 ? { id: step, region } : { id: step.slice(0, hash), region: step.slice(hash + 1) || region }
}

/**
 * Builds the steps of a live slide from each step's captures and region.
 * `sourceOf(file)` gives a snippet file's text as it is now (null when
 * unknown: the check's own copy of the source is used).
 */
export function liveSteps(steps: { result: SnippetResult, region: string | undefined }[], sourceOf: (file: string) => string | null): LiveStep[] {
  let prev: string | null = null
  return steps.map(({ result, region }) => {
    const file = sourceOf(result.file)
    const program = liveProgram(file ?? result.source, region, result.file)
    const step: LiveStep = {
      id: result.id,
      program,
      code: program.shown,
      changed: prev === null ? [] : changedLines(prev, program.shown),
      recorded: recordedResponse(result),
      codes: errorCodes(result),
      promise: promiseText(result),
      failed: result.status === 'failed',
      changedSinceCheck: file === null ? null : file !== result.source,
    }
    prev = program.shown
    return step
  })
}

/**
 * The snippet ids a slide's markdown shows: `snippet="…"` attributes, live
 * steps, and `<<<` imports of snippet files. For the dev server's badge on
 * slides whose snippet fails its promise.
 */
export function snippetIdsIn(markdown: string): string[] {
  const ids = new Set<string>()
  for (const m of markdown.matchAll(/\bsnippet="([^"#]+)"/g))
    ids.add(m[1]!)
  for (const list of markdown.matchAll(/:steps="\[([^\]]*)\]"/g)) {
    for (const step of list[1]!.matchAll(/'([^'#]+)(?:#[^']*)?'/g))
      ids.add(step[1]!)
  }
  for (const m of markdown.matchAll(/<<<\s+\S*?snippets\/([\w-]+)\/(?:src\/bin|fail)\/([\w-]+)\.rs/g))
    ids.add(`${m[1]}/${m[2]}`)
  return [...ids]
}
