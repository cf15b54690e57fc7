import { LessonError } from '../core/errors.ts'
/**
 * `npm run screenshot -- <url> <out.png> [--dark] [--size 1280x720]`
 *
 * A headless-Chromium picture of a slide, to look at what the kit shows.
 * Prints any console error and any request that left loopback.
 */
import { launchChromium } from './lib/browser.ts'

async function main(argv: string[]): Promise<void> {
  const dark = argv.includes('--dark')
  const sizeAt = argv.indexOf('--size')
  const [width, height] = sizeAt >= 0 ? argv[sizeAt + 1]!.split('x').map(Number) : [1280, 720]
  const [url, out] = argv.filter((a, i) => !a.startsWith('--') && (sizeAt < 0 || i !== sizeAt + 1))
  if (!url || !out)
    throw new LessonError('usage: npm run screenshot -- <url> <out.png> [--dark] [--size 1280x720]')
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: width!, height: height! }, colorScheme: dark ? 'dark' : 'light' })
    page.on('console', (m) => {
      if (m.type() === 'error')
        console.error(`console error: ${m.text()}`)
    })
    page.on('request', (r) => {
      if (!/^https?:\/\/(?:127\.0\.0\.1|localhost)[:/]/.test(r.url()) && !r.url().startsWith('data:'))
        console.error(`external request: ${r.url()}`)
    })
    await page.goto(url, { waitUntil: 'networkidle' })
    await page.waitForTimeout(500)
    await page.screenshot({ path: out })
    console.error(`screenshot: ${out}`)
  }
  finally {
    await browser.close()
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof LessonError ? `screenshot: ${error.message}` : error)
  process.exit(1)
})
