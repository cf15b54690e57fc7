import type { Browser, Page } from 'playwright-core'
/**
 * The system Chromium, for export, screenshots and browser tests. The kit
 * never downloads a browser: it finds one, or says how to install one.
 */
import { existsSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { LessonError } from '../../core/errors.ts'
import { findOnPath, isExecutableFile } from './which.ts'

/** Where Chromium or Chrome usually is on Linux and macOS. */
export function chromiumCandidates(): string[] {
  const mac = ['Chromium.app/Contents/MacOS/Chromium', 'Google Chrome.app/Contents/MacOS/Google Chrome']
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    ...mac.map(app => join('/Applications', app)),
    ...mac.map(app => join(homedir(), 'Applications', app)),
  ]
}

/** Names Chromium goes by on `PATH`, looked for after the usual places. */
const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome']

export const CHROMIUM_INSTALL = 'Debian/Ubuntu: `sudo apt-get install chromium`; macOS: `brew install --cask chromium`'

/**
 * The Chromium to use: `CHROMIUM_PATH` when set (which must then be an
 * executable file), else the first of the usual places, else the first of
 * its names on `PATH`.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, candidates: readonly string[] = chromiumCandidates()): string {
  const fromEnv = env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv))
      throw new LessonError(`CHROMIUM_PATH is ${fromEnv}, which does not exist: point it at a Chromium or Chrome executable, or unset it`)
    if (!isExecutableFile(fromEnv))
      throw new LessonError(`CHROMIUM_PATH is ${fromEnv}, which is not an executable file: point it at a Chromium or Chrome executable, or unset it`)
    return fromEnv
  }
  const found = candidates.find(p => isExecutableFile(p)) ?? ON_PATH.map(name => findOnPath(name, env)).find(Boolean)
  if (!found) {
    throw new LessonError(
      `no Chromium found (looked in ${candidates.join(', ')} and on PATH for ${ON_PATH.join(', ')}). Install one (${CHROMIUM_INSTALL}) or set CHROMIUM_PATH to its executable`,
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

/** Chromium with the kit's flags, and `extraArgs` after them. */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const { chromium } = await import('playwright-core')
  return chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, ...extraArgs] })
}

/**
 * The page is drawn as it now stands: the fonts its text asks for are in and
 * two animation frames have been drawn since (under reduced motion the kit's
 * CSS cuts transitions to 0.01 ms). What is measured, or printed, after this
 * is what the viewer sees, with no fixed wait.
 */
export async function drawn(page: Page): Promise<void> {
  await page.evaluate('document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))))')
}
