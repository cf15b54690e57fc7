/**
 * Runs ```` ```rust {monaco-run} ```` blocks with the local toolchain through
 * the dev server's `POST /api/rust/run`. Without the dev server (a built
 * deck) the answer says so and links to the Rust Playground.
 */
import { defineCodeRunnersSetup } from '@slidev/types'
import { runLive } from '../core/live-client.ts'
import { responseHtml } from '../core/live-code.ts'

export default defineCodeRunnersSetup(() => ({
  async rust(code) {
    return { html: responseHtml(await runLive(code), code) }
  },
}))
