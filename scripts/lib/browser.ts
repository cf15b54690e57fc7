import type { Browser } from 'playwright-core'
/**
 * The system Chromium, for export, screenshots and browser tests. The kit
 * never downloads a browser: it finds one, or says how to install one.
 */
import { existsSync } from 'node:fs'
import { LessonError } from '../../core/errors.ts'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium']

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new LessonError(`CHROMIUM_PATH is ${fromEnv}, which does not exist`)
    return fromEnv
  }
  const found = CANDIDATES.find(p => existsSync(p))
  if (!found) {
    throw new LessonError(
      `no Chromium found (looked in ${CANDIDATES.join(', ')}). Install one, e.g. \`sudo apt-get install chromium\` on Debian/Ubuntu, or set CHROMIUM_PATH to its executable`,
    )
  }
  return found
}

/** Flags for a quiet headless Chromium on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
}
