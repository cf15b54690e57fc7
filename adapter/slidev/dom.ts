/**
 * What Slidev's client draws in the page that the kit's browser code waits
 * for (the benches, the wire measurements, the PDF printer). Browser tests
 * read the same classes; `contract.test.ts` holds each to the client's
 * sources.
 */

/** The class on slide n's page (`slidev-page-3`), from `@slidev/client/utils.ts`. */
export const slidePage = (no: number): string => `.slidev-page-${no}`
/** The root of every layout's template (`layouts/*.vue`). */
export const SLIDE_LAYOUT = '.slidev-layout'
/** A slide still loading (`internals/SlideLoading.vue`). */
export const SLIDE_LOADING = '.slidev-slide-loading'
/** The print page's container (`internals/PrintContainer.vue`). */
export const PRINT_CONTENT = '#print-content'

/** A browser expression: the first slide is drawn, its layout there, nothing loading, the fonts it uses loaded. */
export const FIRST_SLIDE_DRAWN = `(() => {
  const layout = document.querySelector('${slidePage(1)} ${SLIDE_LAYOUT}')
  return !!layout && !document.querySelector('${slidePage(1)} ${SLIDE_LOADING}') && document.fonts.status === 'loaded'
})()`
