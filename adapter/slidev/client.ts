/**
 * The slice of Slidev's client the kit's components and global layers use,
 * in one place. Each function is imported from its own module
 * (`@slidev/client/composables/useNav.ts`, …), not from the package's
 * entry: that entry also re-exports the drawings, whose code would then be
 * loaded before a deck's first slide.
 */
import { sharedState } from '@slidev/client/state/shared.ts'
import { toRaw } from 'vue'
import { SHARED_STATE_URL } from './shared-state.ts'

export { useDarkMode } from '@slidev/client/composables/useDarkMode.ts'
export { useNav } from '@slidev/client/composables/useNav.ts'
export { useSlideContext } from '@slidev/client/context.ts'
export { sharedState } from '@slidev/client/state/shared.ts'
export { lockShortcuts } from '@slidev/client/state/storage.ts'
export type { ClicksContext, RenderContext } from '@slidev/types'

/**
 * Sends the shared state without the presenter's cursor to the dev server,
 * in a request that outlives the page (`keepalive`): Slidev clears the
 * cursor when the pointer leaves the slide, but not when the window closes.
 */
export function clearPresenterCursor(): void {
  const { cursor: _cursor, ...rest } = toRaw(sharedState)
  void fetch(SHARED_STATE_URL, {
    method: 'POST',
    keepalive: true,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ source: 'presenter-closed', data: rest, timestamp: Date.now() }),
  }).catch(() => {})
}
