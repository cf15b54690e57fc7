/**
 * A slide's metadata as Slidev 53 builds it in every slide's frontmatter
 * module (`/@slidev/slides/<n>/frontmatter`), written once here instead of
 * once per slide: the getters that read the slide's layout, transition,
 * class, clicks, name and preload from its frontmatter, and the slide's
 * info. `vite-slide-meta.ts` beside it rewrites each slide's module, in
 * builds only, to call this, so the lesson's entry chunk, which holds every
 * slide's metadata, is smaller before its first slide. Fields equal to
 * ``slideDefaults()` (`core/built-slide.ts`) are left out of each module and filled in here, a fresh copy per slide.
 */
import { shallowReactive } from 'vue'
import { slideDefaults } from '../../core/built-slide.ts'

export function slideMeta(frontmatter: Record<string, unknown>, slide: Record<string, unknown>) {
  return shallowReactive({
    get layout() { return frontmatter.layout },
    get transition() { return frontmatter.transition },
    get class() { return frontmatter.class },
    get clicks() { return frontmatter.clicks },
    get name() { return frontmatter.name },
    get preload() { return frontmatter.preload },
    slide: { ...slideDefaults(), ...slide, frontmatter },
    __clicksContext: null,
    __preloaded: false,
  })
}
