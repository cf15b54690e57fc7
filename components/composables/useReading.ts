import type { ComputedRef, Ref } from 'vue'
import { useNav } from '@slidev/client/composables/useNav.ts'
import { useSlideContext } from '@slidev/client/context.ts'
import { computed, ref, watch } from 'vue'

/**
 * Which copy a slide is drawn in: `class` (the dev server, projected and
 * presented: speaker notes, no learner's text), `learner` (the published
 * site and the offline copy: the learner's text beside the slide), `print`
 * (a PDF: the learner's text under the slide).
 */
export type CopyMode = 'class' | 'learner' | 'print'

const READING_KEY = 'lesson-2.2:reading'

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(READING_KEY) !== 'closed'
  }
  catch {
    return true
  }
}

/** Whether the reading panel is open: open unless the learner closed it; the choice is kept in the browser. */
const open = ref(stored())
watch(open, (value) => {
  try {
    globalThis.localStorage?.setItem(READING_KEY, value ? 'open' : 'closed')
  }
  catch {}
})

export interface UseReadingReturn {
  mode: ComputedRef<CopyMode>
  /** The slide this block is on is the one on screen (not a preview, the overview or a neighbour kept mounted). */
  active: ComputedRef<boolean>
  open: Ref<boolean>
}

/** The learner's text of the slide it is called on: where it shows, and the reading panel's state. */
export function useReading(options: { classroom?: boolean } = {}): UseReadingReturn {
  const nav = useNav()
  const { $page, $renderContext } = useSlideContext()
  const classroom = options.classroom ?? import.meta.env.DEV
  const mode = computed<CopyMode>(() => nav.isPrintMode.value ? 'print' : classroom || nav.isPresenter.value ? 'class' : 'learner')
  const active = computed(() => $renderContext.value === 'slide' && $page.value === nav.currentSlideNo.value)
  return { mode, active, open }
}
