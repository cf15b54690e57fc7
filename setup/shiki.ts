/** Rust in Monaco: live-coding editors highlight with the same Shiki grammar as code blocks. */
import { defineShikiSetup } from '@slidev/types'

export default defineShikiSetup(() => ({ langs: ['rust'] }))
