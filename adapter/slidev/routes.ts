/**
 * The routes of Slidev's dev server that write files, which the kit's dev
 * guard (`scripts/lib/live/guard.ts`) keeps off unless the presenter asks
 * for them (`npm run dev -- --edit`). `contract.test.ts` fails when one of
 * them is no longer where Slidev served it, so a renamed route is not left
 * open.
 */

/** Slidev's slide editor: `POST` writes the deck file. */
export const SLIDE_EDITOR = /^\/__slidev\/slides\/\d+\.json$/
/** Slidev's MCP server, which edits the deck. */
export const MCP = '/__mcp'
/** The server-ref state whose changes Slidev writes to `.slidev/snapshots`. */
export const SNAPSHOTS = /^\/@server-(?:ref|reactive)\/snapshots(?:$|[/?])/

/** Slidev's routes that write files, by what they are; null for any other request. */
export function editingRoute(method: string, path: string): string | null {
  const safe = method === 'GET' || method === 'HEAD'
  if (SLIDE_EDITOR.test(path) && !safe)
    return 'Slidev\'s slide editor (it writes the deck file)'
  if (path === MCP || path.startsWith(`${MCP}/`))
    return 'Slidev\'s MCP server (it edits the deck)'
  if (SNAPSHOTS.test(path) && !safe)
    return 'Slidev\'s slide snapshots (they write .slidev/snapshots)'
  return null
}
