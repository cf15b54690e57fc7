/**
 * What the browser fetches before a built deck's first slide has rendered,
 * and the plain Slidev deck (same version, no addon) it is measured against.
 * Shared by `scripts/bench-first-slide.ts` and `scripts/bench-editor.ts`.
 */
import type { Browser } from 'playwright-core'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { slidevBin } from '../../adapter/slidev/cli.ts'
import { FIRST_SLIDE_DRAWN } from '../../adapter/slidev/dom.ts'
import { LessonError } from '../../core/errors.ts'
import { run } from './process.ts'

export const PLAIN_DECK = `---
theme: default
title: Plain
fonts:
  provider: none
routerMode: hash
---

# One

---

# Two

---

# Three
`

export interface FirstSlideLoad {
  /** Bytes of JavaScript fetched before the first slide rendered. */
  bytes: number
  /** Each script's file name and size, in the order fetched. */
  files: { name: string, bytes: number }[]
}

export const kib = (n: number): string => `${(n / 1024).toFixed(0)} KiB`

/** Scripts fetched until the first slide has rendered, on an empty cache. */
export async function beforeFirstSlide(browser: Browser, url: string): Promise<FirstSlideLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const page = await context.newPage()
  const seen: { url: string, size: Promise<number> }[] = []
  let rendered = false
  page.on('response', (r) => {
    if (!rendered && r.request().resourceType() === 'script')
      seen.push({ url: r.url(), size: r.body().then(b => b.length, () => 0) })
  })
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(FIRST_SLIDE_DRAWN, undefined, { polling: 'raf', timeout: 60_000 })
  rendered = true
  const sizes = await Promise.all(seen.map(s => s.size))
  await context.close()
  return {
    bytes: sizes.reduce((a, b) => a + b, 0),
    files: seen.map((s, i) => ({ name: s.url.slice(s.url.lastIndexOf('/') + 1), bytes: sizes[i]! })),
  }
}

/** The plain deck with `count` slides (`# Slide n`) instead of three. */
export function plainDeckOf(count: number): string {
  const head = PLAIN_DECK.slice(0, PLAIN_DECK.indexOf('# One'))
  return head + Array.from({ length: count }, (_, i) => `# Slide ${i + 1}\n`).join('\n---\n\n')
}

/**
 * Builds the plain deck (or `markdown`) into `outDir`; its source sits in
 * the kit (`root`) so it resolves the same Slidev install.
 */
export async function buildPlainDeck(root: string, outDir: string, markdown: string = PLAIN_DECK): Promise<void> {
  const src = await mkdtemp(join(root, '.bench-plain-'))
  try {
    await writeFile(join(src, 'slides.md'), markdown)
    const built = await run(slidevBin(root), ['build', join(src, 'slides.md'), '--out', outDir, '--base', '/'], { cwd: src })
    if (built.exitCode !== 0)
      throw new LessonError(`the plain deck did not build (exit ${built.exitCode}):\n${built.stderr}`)
  }
  finally {
    await rm(src, { recursive: true, force: true })
  }
}
