/**
 * The slice of `@slidev/client`'s public entry the kit's components use,
 * for the type-check only (tsconfig `paths` points the import here; Vite
 * still resolves the real package at run time). The package ships
 * TypeScript sources written for looser compiler options and build-time
 * globals (`__DEV__`), which the kit's strict `vue-tsc` run would otherwise
 * check as if they were the kit's own code.
 *
 * The kit imports each function from its own module
 * (`@slidev/client/composables/useNav.ts`, `@slidev/client/context.ts`, …), not
 * from the package's entry: that entry also re-exports the drawings, whose
 * code would then be loaded before a deck's first slide. tsconfig `paths`
 * points each of those modules here too.
 */
import type { ClicksContext, RenderContext, SlideInfo } from '@slidev/types'
import type { ComputedRef, Ref } from 'vue'

/** A slide as navigation sees it, with the frontmatter Slidev parsed. */
export interface NavSlide {
  no: number
  meta: { slide: SlideInfo }
}

/** The current slide's context; call inside a component's setup on a slide. */
export declare function useSlideContext(): {
  $clicksContext: ClicksContext
  $clicks: Ref<number>
  $page: Ref<number>
  /** Where the slide is drawn: the stage, the overview, the presenter's preview… */
  $renderContext: Ref<RenderContext>
  $frontmatter: Record<string, unknown>
  $route: NavSlide | undefined
}

/** Navigation state of the deck. */
export declare function useNav(): {
  slides: Ref<NavSlide[]>
  currentSlideNo: ComputedRef<number>
  currentPage: ComputedRef<number>
  currentSlideRoute: ComputedRef<NavSlide>
  total: ComputedRef<number>
  clicks: ComputedRef<number>
  isPresenter: ComputedRef<boolean>
  isPrintMode: ComputedRef<boolean>
  isPrintWithClicks: ComputedRef<boolean>
  next: () => Promise<void>
  prev: () => Promise<void>
  go: (no: number, clicks?: number) => Promise<void>
}

/** The deck's colour scheme. */
export declare function useDarkMode(): {
  isDark: Ref<boolean>
  toggleDark: () => void
}

/** Stops the deck's keyboard shortcuts (an editor has the keyboard); call the returned function to release. */
export declare function lockShortcuts(): () => void

/** The state presenter and audience share; the presenter timer is read here. */
export declare const sharedState: {
  timer?: { status: 'stopped' | 'running' | 'paused', startedAt: number, pausedAt: number }
}
