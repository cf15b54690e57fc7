import type { Finding } from './audit.ts'

/**
 * Known findings not fixed yet, each with the reason. The audit fails on a
 * finding not listed here, and on an entry that no longer matches anything:
 * once fixed, a problem leaves the list and stays fixed.
 *
 * Each entry names the audits that see its finding (`scopes`); each test
 * file that runs one of those audits checks, once it has walked everything,
 * that every entry of its scope still matched a finding there.
 */
export interface Exemption {
  rule: string
  /** Matches the element's selector. */
  target: RegExp
  /** Where the finding shows: the slides in light (`tests/browser/slides-light.test.ts`), in dark, or the site's pages (`tests/a11y/deck.test.ts`). */
  scopes: AuditScope[]
  reason: string
}

export const AUDIT_SCOPES = ['slides light', 'slides dark', 'site pages'] as const
export type AuditScope = typeof AUDIT_SCOPES[number]

export const EXEMPTIONS: Exemption[] = []

export function isExempt(e: Exemption, f: Finding): boolean {
  return e.rule === f.rule && e.target.test(f.target)
}

/**
 * The findings no entry of `scope` covers; the index (in `list`) of each
 * entry that covered one is added to `used`.
 */
export function unexempted(findings: readonly Finding[], scope: AuditScope, used: Set<number>, list: readonly Exemption[] = EXEMPTIONS): Finding[] {
  return findings.filter((f) => {
    const index = list.findIndex(e => e.scopes.includes(scope) && isExempt(e, f))
    if (index >= 0)
      used.add(index)
    return index < 0
  })
}

/** The entries of `scope` that covered no finding (none of `used`), one line each. */
export function staleExemptions(scope: AuditScope, used: ReadonlySet<number>, list: readonly Exemption[] = EXEMPTIONS): string[] {
  return list.flatMap((e, i) => e.scopes.includes(scope) && !used.has(i) ? [`${e.rule} ${String(e.target)} (${scope}): ${e.reason}`] : [])
}
