/**
 * The arithmetic of click-stepped components, kept apart from Slidev so it
 * can be tested without a slide.
 */

/** Clicks a component with `steps` steps asks for: its first step needs none. */
export function clickSpan(steps: number): number {
  return Math.max(0, steps - 1)
}

/**
 * The step to show. `current` is the slide's click count and `start` the
 * click that shows step 1; with no clicks context (`null`) the last step
 * shows, which is what an export without clicks and the overview need.
 */
export function stepIndexFor(current: number | null, start: number | null, steps: number): number {
  const last = Math.max(0, steps - 1)
  if (current === null || start === null)
    return last
  return Math.min(last, Math.max(0, current - start + 1))
}
