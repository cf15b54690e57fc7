/**
 * `npm run screenshot -- <url> <out.png> [--dark] [--size 1280x720]`
 *
 * A headless-Chromium picture of a slide, to look at what the kit shows.
 * Prints any console error and any request that left loopback.
 */
import { LessonError } from '../core/errors.ts'
import { launchChromium } from './lib/browser.ts'
import { defineCommand } from './lib/command.ts'

export const command = defineCommand({
  name: 'screenshot',
  summary: 'a headless-Chromium picture of a slide; prints console errors and requests that left loopback',
  usage: 'npm run screenshot -- <url> <out.png> [--dark] [--size 1280x720]',
  positionals: [{ name: 'url', description: 'the page, e.g. http://localhost:3030/#/3' }, { name: 'out.png', description: 'where to write the picture' }],
  options: {
    dark: { type: 'boolean', description: 'prefer the dark colour scheme' },
    size: { type: 'string', value: 'WxH', default: '1280x720', description: 'viewport size in CSS pixels (default 1280x720)' },
  },
  examples: ['npm run screenshot -- "http://localhost:3030/#/3" slide3.png --dark'],
  async run({ values, positionals: [url, out] }) {
    const size = /^(\d+)x(\d+)$/.exec(values.size)
    if (!size)
      throw new LessonError(`--size must read WIDTHxHEIGHT, e.g. 1280x720, not ${values.size}`)
    const browser = await launchChromium()
    try {
      const page = await browser.newPage({ viewport: { width: Number(size[1]), height: Number(size[2]) }, colorScheme: values.dark ? 'dark' : 'light' })
      page.on('console', (m) => {
        if (m.type() === 'error')
          console.error(`console error: ${m.text()}`)
      })
      page.on('request', (r) => {
        if (!/^https?:\/\/(?:127\.0\.0\.1|localhost)[:/]/.test(r.url()) && !r.url().startsWith('data:'))
          console.error(`external request: ${r.url()}`)
      })
      await page.goto(url!, { waitUntil: 'networkidle' })
      await page.waitForTimeout(500)
      await page.screenshot({ path: out! })
      console.error(`screenshot: ${out}`)
    }
    finally {
      await browser.close()
    }
  },
})

command.mainIfEntry(import.meta.url)
