/**
 * A slide's metadata as Slidev 52 builds it in every slide's frontmatter
 * module (`/@slidev/slides/<n>/frontmatter`), written once here instead of
 * once per slide: the getters that read the slide's layout, transition,
 * class, clicks, name and preload from its frontmatter, and the slide's
 * info. `scripts/lib/vite-slide-meta.ts` rewrites each slide's module, in
 * builds only, to call this, so the lesson's entry chunk, which holds every
 * slide's metadata, is smaller before its first slide. Fields equal to
 * `slideDefaults()` are left out of each module and filled in here.
 */
import { shallowReactive } from 'vue'

/**
 * What a built slide's info holds when it has no notes, images or source
 * (Slidev empties `content`, `raw`, `note` and `filepath` in builds): the
 * rewritten modules leave these out, and each slide gets its own copy here.
 */
export function slideDefaults(): Record<string, unknown> {
  return { content: '', raw: '', note: '', noteHTML: '', filepath: '', images: [] }
}

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
