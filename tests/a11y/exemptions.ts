import type { Finding } from './audit.ts'

/**
 * Known findings not fixed yet, each with the reason. The audit fails on a
 * finding not listed here, and on an entry that no longer matches anything:
 * once fixed, a problem leaves the list and stays fixed.
 */
export interface Exemption {
  rule: string
  /** Matches the element's selector. */
  target: RegExp
  reason: string
}

export const EXEMPTIONS: Exemption[] = []

export function isExempt(e: Exemption, f: Finding): boolean {
  return e.rule === f.rule && e.target.test(f.target)
}
