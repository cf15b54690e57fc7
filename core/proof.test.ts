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
    expect(proofLabel({ status: 'passed', expectation: { kind: 'test-fails', message: 'already borrowed' } })).toBe('its tests run; one fails: "already borrowed"')
  })

  it('never claims a broken promise', () => {
    expect(proofLabel({ status: 'failed', expectation: { kind: 'tests' } })).toMatch(/^broken/)
  })
})
