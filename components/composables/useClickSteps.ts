import type { ComputedRef, MaybeRefOrGetter } from 'vue'
import type { ClicksContext } from '../../adapter/slidev/client.ts'
import { computed, onMounted, onUnmounted, shallowRef, toValue } from 'vue'
import { useNav, useSlideContext } from '../../adapter/slidev/client.ts'
import { clickSpan, stepIndexFor } from '../../core/clickSteps.ts'

export interface UseClickStepsOptions {
  /** Where the first click lands, as Slidev's `at` prop: `'+1'` (default), `'+0'`, `3`, … */
  at?: MaybeRefOrGetter<string | number | undefined>
}

export interface UseClickStepsReturn<T> {
  /** The step shown now, from 0. The last step when the slide has no clicks context (export without clicks, overview). */
  index: ComputedRef<number>
  /** The step's view model. */
  current: ComputedRef<T>
  /** How many steps there are. */
  count: ComputedRef<number>
  isFirst: ComputedRef<boolean>
  isLast: ComputedRef<boolean>
}

let nextId = 0

/**
 * Maps the slide's clicks to steps: step 0 shows before the component's
 * first click, and each click advances one step. Registers
 * `steps.length - 1` clicks with the slide when mounted and gives them back
 * when unmounted, as Slidev's own code blocks do.
 */
export function useClickSteps<T>(steps: MaybeRefOrGetter<readonly T[]>, options: UseClickStepsOptions = {}): UseClickStepsReturn<T> {
  const id = `lesson-steps-${nextId++}`
  const clicks = slideClicks()
  const finalOnly = printsFinalState()
  const start = shallowRef<number | null>(null)
  const count = computed(() => toValue(steps).length)

  onMounted(() => {
    const span = clickSpan(count.value)
    if (!clicks || span === 0)
      return
    const info = clicks.calculateSince(toValue(options.at) ?? '+1', span)
    if (!info)
      return
    clicks.register(id, info)
    start.value = info.start
  })
  onUnmounted(() => clicks?.unregister(id))

  const index = computed(() => stepIndexFor(clicks && start.value !== null && !finalOnly.value ? clicks.current : null, start.value, count.value))
  const current = computed(() => {
    const list = toValue(steps)
    const step = list[index.value]
    if (step === undefined)
      throw new Error('useClickSteps: there are no steps to show')
    return step
  })
  return {
    index,
    current,
    count,
    isFirst: computed(() => index.value === 0),
    isLast: computed(() => index.value === count.value - 1),
  }
}

/**
 * True where one picture must stand for the whole slide: an export or print
 * without clicks (Slidev's print view does not count a component's clicks
 * unless it prints them one by one) and the overview.
 */
function printsFinalState(): ComputedRef<boolean> {
  try {
    const nav = useNav()
    const { $renderContext } = useSlideContext()
    return computed(() => (nav.isPrintMode.value && !nav.isPrintWithClicks.value) || $renderContext?.value === 'overview')
  }
  catch {
    return computed(() => false)
  }
}

/** The slide's clicks context, or null outside a slide (a component test, a standalone page). */
function slideClicks(): ClicksContext | null {
  try {
    return useSlideContext().$clicksContext ?? null
  }
  catch {
    return null
  }
}
