import type { ComputedRef } from 'vue'
import { computed, getCurrentInstance, onBeforeUnmount, reactive } from 'vue'
import { useSlideContext } from '../../adapter/slidev/client.ts'

/** Panels drawn per slide and render (the stage, the presenter's next preview, …), in mount order. */
const panels = reactive(new Map<string, number[]>())
let counter = 0

/**
 * Whether this panel is the first of its slide: only that one shows where
 * the output came from, so a slide carries one provenance line, not one
 * per panel. Outside a slide (a test), every panel is first.
 */
export function useFirstPanelOnSlide(): ComputedRef<boolean> {
  let where: string
  try {
    const context = useSlideContext()
    where = `${context.$page.value}:${context.$renderContext.value}`
  }
  catch {
    return computed(() => true)
  }
  const id = counter++
  panels.set(where, [...(panels.get(where) ?? []), id])
  if (getCurrentInstance()) {
    onBeforeUnmount(() => {
      const rest = (panels.get(where) ?? []).filter(p => p !== id)
      if (rest.length)
        panels.set(where, rest)
      else
        panels.delete(where)
    })
  }
  return computed(() => panels.get(where)?.[0] === id)
}
