/**
 * The exemption list's own rules, without a browser: every entry is checked
 * by some audit (it names at least one scope), an entry covers findings of
 * its scopes only, and one that covered nothing is reported as stale.
 */
import type { Finding } from './audit.ts'
import type { Exemption } from './exemptions.ts'
import { describe, expect, it } from 'vitest'
import { AUDIT_SCOPES, EXEMPTIONS, staleExemptions, unexempted } from './exemptions.ts'

const finding: Finding = { rule: 'color-contrast', target: '.slidev-page-3 .note', where: 'rc #3 (slides/rc.md:40) dark', summary: 'Elements must meet minimum color contrast ratio thresholds' }
const entry: Exemption = { rule: 'color-contrast', target: /\.note$/, scopes: ['slides dark'], reason: 'a test entry' }

describe('the exemption list', () => {
  it('gives every entry a scope, so some audit checks it is still needed', () => {
    expect(EXEMPTIONS.filter(e => !e.scopes.length || e.scopes.some(s => !AUDIT_SCOPES.includes(s))).map(e => `${e.rule} ${String(e.target)}`)).toEqual([])
  })

  it('covers a finding in its scopes only, and reports an entry that covered nothing as stale', () => {
    const used = new Set<number>()
    expect(unexempted([finding], 'slides light', used, [entry])).toEqual([finding])
    expect(staleExemptions('slides dark', used, [entry])).toEqual(['color-contrast /\\.note$/ (slides dark): a test entry'])
    expect(unexempted([finding], 'slides dark', used, [entry])).toEqual([])
    expect(staleExemptions('slides dark', used, [entry])).toEqual([])
    expect(staleExemptions('slides light', new Set(), [entry])).toEqual([])
  })
})
