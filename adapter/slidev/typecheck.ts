/**
 * Slidev's client ships TypeScript sources, not declarations: the kit's
 * components import `useNav` and the rest from those `.ts` files, so the
 * type-check reads Slidev's code as it reads the kit's, with the kit's
 * compiler options. `skipLibCheck` skips declaration files only. Checked
 * under the kit's stricter options (`noUncheckedIndexedAccess`, and a newer
 * DOM library), Slidev's own code has errors (about twenty in 53.0.0) that
 * are not the kit's to fix, and that do not change the types the kit sees:
 * every function the kit calls declares or infers its type as Slidev built
 * it. This sorts vue-tsc's diagnostics into the kit's, which fail the
 * check, and Slidev's own, which are counted and not shown.
 */

/** Where Slidev's packages sit, as vue-tsc prints a path relative to the kit. */
const SLIDEV_SOURCE = /^node_modules[/\\]@slidev[/\\]/

/** One diagnostic's first line: `path(line,col): error TS1234: …`. */
const DIAGNOSTIC = /^(\S[^(]*)\(\d+,\d+\): error TS\d+:/

export interface SortedDiagnostics {
  /** The kit's diagnostics, each with its continuation lines: these fail the type-check. */
  kit: string[]
  /** How many diagnostics are in Slidev's own sources. */
  slidev: number
  /** Output that is not a diagnostic (a crash, a config error): this fails the type-check too. */
  other: string[]
}

/** Sorts vue-tsc's output (`--pretty false`) into the kit's diagnostics and Slidev's own. */
export function sortDiagnostics(output: string): SortedDiagnostics {
  const sorted: SortedDiagnostics = { kit: [], slidev: 0, other: [] }
  let current: string[] | null = null
  for (const line of output.split(/\r?\n/)) {
    const m = DIAGNOSTIC.exec(line)
    if (m) {
      if (SLIDEV_SOURCE.test(m[1]!)) {
        sorted.slidev++
        current = null
      }
      else {
        current = [line]
        sorted.kit.push('')
      }
    }
    else if (/^\s/.test(line) && line.trim()) {
      // A continuation line belongs to the diagnostic above it.
      current?.push(line)
    }
    else if (line.trim()) {
      current = null
      sorted.other.push(line)
    }
    if (current)
      sorted.kit[sorted.kit.length - 1] = current.join('\n')
  }
  return sorted
}
