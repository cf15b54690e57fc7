/**
 * A throw-away folder, served on loopback under `base`, with a headless
 * Chromium to look at it: what the browser tests that build or link a deck
 * of their own share. `fill` puts the site in the folder before it is served.
 */
import type { Browser } from 'playwright-core'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium } from '../../scripts/lib/browser.ts'
import { serveStatic } from '../../scripts/lib/static-server.ts'

export interface ScratchSite {
  /** The folder served. */
  out: string
  server: StaticServer
  browser: Browser
  /** Closes the browser and the server and removes the folder. */
  close: () => Promise<void>
}

export async function scratchSite(prefix: string, fill: (out: string) => Promise<void>, base = '/'): Promise<ScratchSite> {
  const out = await mkdtemp(join(tmpdir(), prefix))
  let server: StaticServer | undefined
  try {
    await fill(out)
    server = await serveStatic(out, base)
    const browser = await launchChromium()
    const opened = server
    return {
      out,
      server: opened,
      browser,
      async close() {
        await browser.close()
        await opened.close()
        await rm(out, { recursive: true, force: true })
      },
    }
  }
  catch (error) {
    await server?.close()
    await rm(out, { recursive: true, force: true })
    throw error
  }
}
