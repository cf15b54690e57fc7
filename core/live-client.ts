/**
 * The browser side of `POST /api/rust/run`: one function for the live
 * slides. Any answer that is not the
 * endpoint's JSON (no dev server, a proxy's error page) becomes a
 * `rejected` response saying so, never an exception.
 */
import type { LiveResponse } from './live-contract.ts'
import { isLiveResponse, LIVE_RUN_PATH } from './live-contract.ts'

export interface RunLiveOptions {
  /** Run again even if the same code is cached (output that varies). */
  fresh?: boolean
  /** Default: the global `fetch`. */
  fetch?: typeof fetch
  /** Default: the page's origin. */
  base?: string
  /** Stops waiting: the answer becomes a `rejected` one saying the run was stopped. */
  signal?: AbortSignal
}

function failed(error: string): LiveResponse {
  return { outcome: 'rejected', stdout: '', stderr: '', exitCode: null, diagnostics: '', durationMs: 0, cached: false, stopped: null, truncated: false, error }
}

export async function runLive(code: string, options: RunLiveOptions = {}): Promise<LiveResponse> {
  const doFetch = options.fetch ?? fetch
  const url = options.base ? new URL(LIVE_RUN_PATH, options.base).href : LIVE_RUN_PATH
  let response: Response
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(options.fresh ? { code, fresh: true } : { code }),
      signal: options.signal,
    })
  }
  catch (error) {
    if (options.signal?.aborted)
      return failed('stopped before the program answered')
    return failed(`the dev server did not answer (${(error as Error).message}); is \`npm run dev\` still running?`)
  }
  let body: unknown
  try {
    body = await response.json()
  }
  catch {
    return failed(`the server answered ${response.status} without the live-run JSON: live coding needs the dev server (\`npm run dev\`)`)
  }
  return isLiveResponse(body) ? body : failed(`the server answered ${response.status} with JSON that is not a live-run answer`)
}
