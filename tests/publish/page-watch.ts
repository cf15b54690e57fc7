import type { Page } from 'playwright-core'
/**
 * What a page of the published site says went wrong, as a learner's browser
 * would show it: a console error, an uncaught exception, a failed request,
 * an answer of 400 or more, a request that leaves the site (`site`: the
 * address the site is served from, ending in `/`). Each is added to
 * `problems`, prefixed by `where()` (the deck, the slide shown).
 */
export function watchPage(page: Page, site: string, problems: string[], where: () => string): void {
  page.on('console', (m) => {
    if (m.type() === 'error')
      problems.push(`${where()}: console error: ${m.text()}`)
  })
  page.on('pageerror', e => problems.push(`${where()}: uncaught ${e.message}`))
  page.on('response', (r) => {
    if (r.status() >= 400)
      problems.push(`${where()}: ${r.status()} for ${r.url()}`)
  })
  page.on('requestfailed', r => problems.push(`${where()}: request failed: ${r.url()} (${r.failure()?.errorText})`))
  page.on('request', (r) => {
    if (!r.url().startsWith(site) && !/^(?:data|blob):/.test(r.url()))
      problems.push(`${where()}: request left the site: ${r.url()}`)
  })
}
