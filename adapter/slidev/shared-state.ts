/**
 * Where the dev server takes the presenter's shared state: Slidev's
 * `state/shared.ts` syncs it as `server-reactive:nav`, which
 * `vite-plugin-vue-server-ref` serves at this path and updates from a POST
 * of `{ data }`.
 */
export const SHARED_STATE_URL = '/@server-reactive/nav'
