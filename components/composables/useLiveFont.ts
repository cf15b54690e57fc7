import type { Ref } from 'vue'
import { ref, watch } from 'vue'

const KEY = 'lesson-live:font-size'
const MIN = 12
const MAX = 32

/** The live editors' font size in px, shared by every live slide and every window of the deck. */
let size: Ref<number> | null = null

function stored(): number | null {
  try {
    const value = Number(localStorage.getItem(KEY))
    return Number.isFinite(value) && value >= MIN && value <= MAX ? value : null
  }
  catch {
    return null
  }
}

/**
 * The live editors' font size: the presenter enlarges it for the back of the
 * room, and the audience window (same browser, another tab) follows through
 * `localStorage`'s `storage` event.
 */
export function useLiveFont(initial: number): { size: Ref<number>, grow: () => void, shrink: () => void } {
  if (!size) {
    size = ref(stored() ?? initial)
    const shared = size
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (event) => {
        if (event.key === KEY)
          shared.value = stored() ?? initial
      })
    }
    watch(shared, (px) => {
      try {
        localStorage.setItem(KEY, String(px))
      }
      catch {}
    })
  }
  const shared = size
  return {
    size: shared,
    grow: () => void (shared.value = Math.min(MAX, shared.value + 2)),
    shrink: () => void (shared.value = Math.max(MIN, shared.value - 2)),
  }
}
