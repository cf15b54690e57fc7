import type { ComputedRef, Ref } from 'vue'
import { computed, ref, watch } from 'vue'
import { useNav, useSlideContext } from '../../adapter/slidev/client.ts'

/**
 * Which copy a slide is drawn in: `class` (the dev server, projected and
 * presented: speaker notes, no learner's text), `learner` (the published
 * site and the offline copy: the learner's text beside the slide), `print`
 * (a PDF: the learner's text under the slide).
 */
export type CopyMode = 'class' | 'learner' | 'print'

const READING_KEY = 'lesson-2.2:reading'

/** The slide's own width: beside it, the panel opens by itself only where the slide keeps at least this. */
const SLIDE_WIDTH = 980
/** The panel's width beside the slide (styles/learn.css `--learn-side`, at its largest). */
const PANEL_WIDTH = 480

function stored(): boolean | null {
  try {
    const kept = globalThis.localStorage?.getItem(READING_KEY)
    return kept === 'open' ? true : kept === 'closed' ? false : null
  }
  catch {
    return null
  }
}

/**
 * Open unless the learner chose otherwise (kept in the browser); left to
 * itself, open under the slide on an upright screen, and beside it only on
 * a screen wide enough that the slide is not shrunk for it.
 */
function initiallyOpen(): boolean {
  const choice = stored()
  if (choice !== null)
    return choice
  const w = globalThis.innerWidth ?? 0
  const h = globalThis.innerHeight ?? 0
  return h > w || w - PANEL_WIDTH >= SLIDE_WIDTH
}

/** Whether the reading panel is open. */
const open = ref(initiallyOpen())
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
