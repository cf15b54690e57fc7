/**
 * Slidev's own markdown parser, the one place the kit calls it: decks are
 * read exactly as Slidev will read them when it builds them.
 */
export { parseSync as parseDeck } from '@slidev/parser'
export { load as loadDeck } from '@slidev/parser/fs'
export type { SlidevMarkdown } from '@slidev/types'
