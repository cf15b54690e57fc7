import type { Page } from 'playwright-core'

/**
 * The page is drawn as it now stands: the fonts its text asks for are in and
 * two animation frames have been drawn since (under reduced motion the kit's
 * CSS cuts transitions to 0.01 ms). What a test measures after this is what
 * the viewer sees, with no fixed wait.
 */
export async function drawn(page: Page): Promise<void> {
  await page.evaluate('document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))))')
}
