/**
 * What the kit says when an internal of Slidev it relies on is not where it
 * was: the same words from a build (which stops) and from the contract test
 * (`contract.test.ts`, which fails), so either names what moved.
 */

/** The page that says what to do about it. */
const UPGRADING = 'docs/maintaining.md#upgrading-slidev'

/**
 * One problem: `what` is Slidev's module, export, field or line, `detail`
 * how it differs from what `kitFile` (in adapter/slidev/) expects.
 */
export function moved(what: string, detail: string, kitFile: string): string {
  return `Slidev moved ${what}: ${detail} (relied on by adapter/slidev/${kitFile}; see ${UPGRADING})`
}

/** Thrown by a build that meets a moved internal, rather than building a deck that quietly lacks something. */
export class SlidevMoved extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'))
    this.name = 'SlidevMoved'
  }
}
