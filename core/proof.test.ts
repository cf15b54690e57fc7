import { describe, expect, it } from 'vitest'
import { proofLabel } from './proof.ts'

describe('proofLabel', () => {
  it('says what each kind of promise proved', () => {
    expect(proofLabel({ status: 'passed', expectation: { kind: 'compile-error', codes: ['E0277', 'E0382'] } })).toBe('rejected by rustc: E0277, E0382')
    expect(proofLabel({ status: 'passed', expectation: { kind: 'panics', message: 'already borrowed' } })).toBe('compiles, then panics: "already borrowed"')
    expect(proofLabel({ status: 'passed', expectation: { kind: 'tests' } })).toBe('its tests pass')
    expect(proofLabel({ status: 'passed', expectation: { kind: 'runs', varies: false } })).toBe('runs; output compared')
    expect(proofLabel({ status: 'passed', expectation: { kind: 'compile-error', codes: ['E0596'], test: true } })).toBe('rejected by rustc when compiled for tests: E0596')
    expect(proofLabel({ status: 'passed', expectation: { kind: 'compile-error', codes: [], message: 'lifetime may not live long enough' } })).toBe('rejected by rustc: "lifetime may not live long enough"')
  })

  it('counts the failing tests from the runner\'s report, not "one"', () => {
    const results = [
      { name: 'tests::a', outcome: 'FAILED' as const, message: 'not yet implemented' },
      { name: 'tests::b', outcome: 'FAILED' as const, message: 'not yet implemented' },
      { name: 'tests::c', outcome: 'FAILED' as const, message: 'not yet implemented' },
      { name: 'tests::stretch', outcome: 'ignored' as const, message: null },
    ]
    const expectation = { kind: 'test-fails' as const, message: 'not yet implemented' }
    expect(proofLabel({ status: 'passed', expectation, tests: { passed: 0, failed: 3, output: '', results } }))
      .toBe('all 3 tests fail (1 more is ignored): "not yet implemented"')
    expect(proofLabel({ status: 'passed', expectation, tests: { passed: 2, failed: 1, output: '', results: results.slice(2, 3) } }))
      .toBe('1 of 3 tests fail: "not yet implemented"')
  })

  it('never claims a broken promise', () => {
    expect(proofLabel({ status: 'failed', expectation: { kind: 'tests' } })).toMatch(/^broken/)
  })
})
