import type { ComputedRef } from 'vue'
import type { Plan } from '../../core/budget.ts'
import { computed } from 'vue'
import { useNav } from '../../adapter/slidev/client.ts'
import { planDeck } from '../../core/budget.ts'

export interface UseDeckPlanReturn {
  /** The schedule of the deck being shown, from its slides' frontmatter. */
  plan: ComputedRef<Plan>
  /** 0-based index of the current slide. */
  index: ComputedRef<number>
}

/** The time plan of the running deck, read from the frontmatter Slidev loaded. */
export function useDeckPlan(): UseDeckPlanReturn {
  const { slides, currentSlideNo } = useNav()
  return {
    plan: computed(() => planDeck(slides.value.map(route => ({ frontmatter: route.meta.slide.frontmatter })))),
    index: computed(() => currentSlideNo.value - 1),
  }
}
