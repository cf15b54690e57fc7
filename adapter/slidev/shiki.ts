/** The slides' code-block themes: Slidev's Vitesse pair, every token colour raised to 4.5:1 (`core/live-theme.ts`); the live editor draws with the same two. */
import { defineShikiSetup } from '@slidev/types'
import dark from 'shiki/themes/vitesse-dark.mjs'
import light from 'shiki/themes/vitesse-light.mjs'
import { CODE_BACKGROUNDS, legibleTheme } from '../../core/live-theme.ts'

export default defineShikiSetup(() => ({ themes: { light: legibleTheme(light, CODE_BACKGROUNDS.light), dark: legibleTheme(dark, CODE_BACKGROUNDS.dark) } }))
