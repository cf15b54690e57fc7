/** The slides' code-block themes, named once: the live editor takes its colours from the same two (`core/live-theme.ts`). */
import { defineShikiSetup } from '@slidev/types'
import { CODE_THEMES } from '../core/live-theme.ts'

export default defineShikiSetup(() => ({ themes: { ...CODE_THEMES } }))
