/**
 * What a built slide's info holds when it has no notes, images or source
 * (Slidev 52 empties `content`, `raw`, `note` and `filepath` in builds).
 * The build leaves these fields out of each slide's module
 * (`scripts/lib/vite-slide-meta.ts`) and `components/slide-meta.ts` fills
 * them back in: both read this one list.
 */
export function slideDefaults(): Record<string, unknown> {
  return { content: '', raw: '', note: '', noteHTML: '', filepath: '', images: [] }
}

const DEFAULTS = slideDefaults()

/** Whether a slide's `key` holds its default, so its module can leave it out. */
export function isSlideDefault(key: string, value: unknown): boolean {
  if (!(key in DEFAULTS))
    return false
  const d = DEFAULTS[key]
  return Array.isArray(d) ? Array.isArray(value) && value.length === 0 : value === d
}
