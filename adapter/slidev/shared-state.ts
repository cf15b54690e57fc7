/**
 * Where the dev server takes the presenter's shared state: Slidev's
 * `state/shared.ts` syncs it as `server-reactive:nav`, which
 * `vite-plugin-vue-server-ref` serves at this path and updates from a POST
 * of `{ data }`.
 */
export const SHARED_STATE_URL = '/@server-reactive/nav'

/**
 * The shared state a dev server started with, as JSON: the module served at
 * `SHARED_STATE_URL` opens with `const data = reactive(<JSON>)`
 * (vite-plugin-vue-server-ref's generated code). Null when it no longer
 * does; `sharedStateProblems` in `contract.ts` holds the plugin to it.
 */
export function initialSharedState(module: string): string | null {
  return /^const data = reactive\((.*)\)$/m.exec(module)?.[1] ?? null
}

/** The body of a POST to `SHARED_STATE_URL` that sets the whole state to `state` (JSON). */
export function sharedStateBody(state: string): string {
  return `{"data":${state}}`
}
