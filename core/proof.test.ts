import { describe, expect, it } from 'vitest'
import { proofLabel } from './proof.ts'

describe('proofLabel', () => {
  it('says what each kind of promise proved', () => {
    expect(proofLabel({ status: 'passed', expectation: { kind: 'compile-error', codes: ['E0277', 'E0382'] } })).toBe('rejected by rustc: E0277, E0382')
    expect(proofLabel({ status: 'passed', expectation: { kind: 'panics', message: 'already borrowed' } })).toBe('compiles, then panics: "already borrowed"')
    expect(proofLabel({ status: 'passed', expectation: { kind: 'tests' } })).toBe('its tests pass')
    expect(proofLabel({ status: 'passed', expectation: { kind: 'runs', varies: false } })).toBe('runs; output compared')
  })

  it('never claims a broken promise', () => {
    expect(proofLabel({ status: 'failed', expectation: { kind: 'tests' } })).toMatch(/^broken/)
  })
})
