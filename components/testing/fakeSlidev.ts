/**
 * A stand-in for the adapter's Slidev client (`adapter/slidev/client.ts`) in
 * component tests: one slide whose clicks context behaves like Slidev's for
 * `'+N'` and absolute `at` values.
 * Use with `vi.mock('../adapter/slidev/client.ts', () => import('./testing/fakeSlidev.ts'))`.
 */
import type { ClicksContext } from '../../adapter/slidev/client.ts'
import { computed, reactive, ref } from 'vue'

interface FakeClicks {
  /** Render as an export without clicks does. */
  printing: boolean
  /** Mount as if outside any slide: no clicks context at all. */
  outside: boolean
  current: number
  registered: Map<string | Element, { delta: number, max: number }>
}

export const slide: FakeClicks = reactive({ printing: false, outside: false, current: 0, registered: new Map() })

function offset(): number {
  return [...slide.registered.values()].reduce((sum, r) => sum + r.delta, 0)
}

const context = {
  get current() {
    return slide.current
  },
  set current(v: number) {
    slide.current = v
  },
  calculateSince(at: string | number | boolean | null | undefined, size = 1) {
    const value = typeof at === 'string' && /^[+-]/.test(at) ? Number(at) : null
    const start = value === null ? Number(at) : offset() + value
    const delta = value === null ? 0 : value + size - 1
    return {
      start,
      end: Number.POSITIVE_INFINITY,
      max: start + size - 1,
      delta,
      currentOffset: computed(() => slide.current - start),
      isCurrent: computed(() => slide.current === start),
      isActive: computed(() => slide.current >= start),
    }
  },
  register(el: string | Element, info: { delta: number, max: number } | null) {
    if (info)
      slide.registered.set(el, { delta: info.delta, max: info.max })
  },
  unregister(el: string | Element) {
    slide.registered.delete(el)
  },
} as unknown as ClicksContext

/** Resets the slide between tests. */
export function resetSlide(): void {
  slide.outside = false
  slide.printing = false
  slide.current = 0
  slide.registered.clear()
}

export function useSlideContext() {
  if (slide.outside)
    throw new Error('useSlideContext() called outside a slide')
  return { $clicksContext: context, $renderContext: computed(() => 'slide') }
}

export function useNav() {
  if (slide.outside)
    throw new Error('useNav() called outside a slide')
  return { isPrintMode: computed(() => slide.printing), isPrintWithClicks: computed(() => false) }
}

export function useDarkMode() {
  return { isDark: ref(false), toggleDark: () => {} }
}

/** Nothing to send: a test has no dev server. */
export function clearPresenterCursor(): void {}

/** Nothing to lock: a test has no deck shortcuts. */
export function lockShortcuts(): () => void {
  return () => {}
}

export const sharedState: { timer?: { status: 'stopped' | 'running' | 'paused', startedAt: number, pausedAt: number } } = reactive({})
