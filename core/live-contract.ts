/**
 * The live-run endpoint's contract, `POST /api/rust/run`, shared by the dev
 * server that answers it and the slides that call it. No Node or Vue
 * imports: both sides use this file.
 */

export const LIVE_RUN_PATH = '/api/rust/run'

/** What happened to the code sent. */
export type LiveOutcome
  /** It compiled and the program exited 0. */
  = | 'ok'
  /** rustc rejected it; see `diagnostics`. */
    | 'compile_error'
  /** It compiled, then panicked or exited non-zero. */
    | 'panic'
  /** The runner stopped it at a limit: the time limit, or too much output (see `stopped`). */
    | 'timeout'
  /** The request was refused before anything ran; `error` says why. */
    | 'rejected'

/** The request body. */
export interface LiveRequest {
  /** A whole Rust program (edition 2024, `std` only). */
  code: string
}

/** The response body, for every status code. */
export interface LiveResponse {
  outcome: LiveOutcome
  /** What the program printed (UTF-8; invalid bytes replaced), capped at the output limit. */
  stdout: string
  stderr: string
  /** The program's exit code; `null` when it did not run or was killed. */
  exitCode: number | null
  /** rustc's messages as it renders them in a terminal, ANSI colours included. */
  diagnostics: string
  /** Wall time of the request in the runner: compile (unless cached) and run. */
  durationMs: number
  /** True when the compile was answered from the cache (the program still ran). */
  cached: boolean
  /** Which limit stopped the program, when one did. */
  stopped: 'time' | 'output' | null
  /** True when output beyond the cap was dropped. */
  truncated: boolean
  /** For `rejected`: what was wrong with the request, in one sentence. */
  error?: string
}

export function isLiveResponse(value: unknown): value is LiveResponse {
  if (!value || typeof value !== 'object')
    return false
  const v = value as Record<string, unknown>
  return ['ok', 'compile_error', 'panic', 'timeout', 'rejected'].includes(v.outcome as string)
    && typeof v.stdout === 'string' && typeof v.stderr === 'string'
}
