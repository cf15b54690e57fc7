import type { Capture } from '../compare.ts'
import type { Snippet } from '../snippets.ts'
import { describe, expect, it } from 'vitest'
import { commandFor, judgeSnippet } from './judge.ts'

const snippet: Snippet = { id: 'rc/a', topic: 'rc', name: 'a', path: '/k/snippets/rc/src/bin/a.rs', file: 'snippets/rc/src/bin/a.rs', place: 'bin', source: '//! expect: runs\n', regions: new Map(), expectedBase: '/k/snippets/rc/expected/a', expectation: { kind: 'runs', varies: false }, expectLine: 1, support: null, allow: [], edition: '2024', editionLine: 0, otherEdition: '2021', otherExpectation: null, otherLine: 0, provenance: null, rustfmt: [] }
const ran: Capture = { diagnostics: [], locations: [], compiled: true, run: { stdout: 'hi\n', stderr: '', exitCode: 0, timedOut: false }, tests: null, trace: null, unformattedLine: null, binName: 'a' }

describe('judgeSnippet', () => {
  it('passes a capture that keeps the promise, and carries what the slides read', () => {
    const r = judgeSnippet(snippet, { capture: ran, durationMs: 12.4 }, { stdout: 'hi\n', stderr: null, trace: null }, 'key', '/k')
    expect(r).toMatchObject({ id: 'rc/a', status: 'passed', failures: [], key: 'key', durationMs: 12, command: 'cargo run -q --bin a', run: ran.run })
  })
  it('fails one that breaks it, naming the expected file and line', () => {
    const r = judgeSnippet(snippet, { capture: ran, durationMs: 1 }, { stdout: 'bye\n', stderr: null, trace: null }, 'key', '/k')
    expect(r.status).toBe('failed')
    expect(r.failures[0]).toMatch(/^snippets\/rc\/expected\/a\.stdout:1: stdout differs/)
  })
})

describe('commandFor', () => {
  it('is what a learner types in snippets/', () => {
    expect(commandFor({ ...snippet, place: 'fail', file: 'snippets/rc/fail/b.rs' }, undefined)).toBe('rustc rc/fail/b.rs')
    expect(commandFor({ ...snippet, expectation: { kind: 'tests' } }, 'a-bin')).toBe('cargo test --bin a-bin')
    expect(commandFor(snippet, undefined)).toBe('cargo run -q --bin a')
  })
})
