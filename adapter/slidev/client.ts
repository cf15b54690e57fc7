export { useDarkMode } from '@slidev/client/composables/useDarkMode.ts'
export { useNav } from '@slidev/client/composables/useNav.ts'
export { useSlideContext } from '@slidev/client/context.ts'
export { sharedState } from '@slidev/client/state/shared.ts'
export { lockShortcuts } from '@slidev/client/state/storage.ts'
/**
 * The slice of Slidev's client the kit's components and global layers use,
 * in one place. Each function is imported from its own module
 * (`@slidev/client/composables/useNav.ts`, …), not from the package's
 * entry: that entry also re-exports the drawings, whose code would then be
 * loaded before a deck's first slide.
 */
export type { ClicksContext, RenderContext } from '@slidev/types'
