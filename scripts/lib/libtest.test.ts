import { describe, expect, it } from 'vitest'
import { failedWith, parseTestOutput } from './libtest.ts'

// What rustc 1.95's test runner prints for a should_panic test that did not
// panic, a test returning Err, and a test that printed before it panicked.
const OUTPUT = `
running 4 tests
test tests::a ... ok
test tests::c - should panic ... FAILED
test tests::d ... FAILED
test tests::e ... FAILED
test tests::f ... ignored, slow

failures:

---- tests::c stdout ----
note: test did not panic as expected at t.rs:9:8
---- tests::d stdout ----
Error: "nope"

---- tests::e stdout ----
printed
---- tests::a stdout ----

thread 'tests::e' panicked at t.rs:13:42:
one is not two
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace


failures:
    tests::c
    tests::d
    tests::e

test result: FAILED. 1 passed; 3 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.00s
`

describe('parseTestOutput', () => {
  it('reads each test\'s outcome and each failure\'s message', () => {
    const report = parseTestOutput(OUTPUT)
    expect(report.passed).toBe(1)
    expect(report.failed).toBe(3)
    expect(report.results).toEqual([
      { name: 'tests::a', outcome: 'ok', message: null },
      { name: 'tests::c', outcome: 'FAILED', message: 'note: test did not panic as expected at t.rs:9:8' },
      { name: 'tests::d', outcome: 'FAILED', message: 'Error: "nope"' },
      // A test that prints a look-alike header does not open a section.
      { name: 'tests::e', outcome: 'FAILED', message: 'one is not two' },
      { name: 'tests::f', outcome: 'ignored', message: null },
    ])
  })

  it('finds the failed tests whose message contains a text', () => {
    const { results } = parseTestOutput(OUTPUT)
    expect(failedWith(results, 'not two').map(r => r.name)).toEqual(['tests::e'])
    expect(failedWith(results, 'printed')).toEqual([])
  })
})
