import type { Plugin } from 'vite'
/**
 * `virtual:deck`: which deck this build is, `{ id: 'rc' }`, from the
 * `LESSON_DECK` variable `buildDeck` sets (adapter/slidev/cli.ts). A build
 * started another way, and the dev server, get `{ id: null }`: the deck
 * then shows no links to other decks.
 */
const ID = 'virtual:deck'
const RESOLVED = `\0${ID}`
export const DECK_ENV = 'LESSON_DECK'

export function deckPlugin(): Plugin {
  return {
    name: 'lesson:deck',
    resolveId: id => id === ID ? RESOLVED : undefined,
    load(id) {
      if (id !== RESOLVED)
        return undefined
      return `export default ${JSON.stringify({ id: process.env[DECK_ENV] || null })}`
    },
  }
}
