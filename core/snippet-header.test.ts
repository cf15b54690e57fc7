import { describe, expect, it } from 'vitest'
import { describeExpectation, headerBlock, parseHeader } from './snippet-header.ts'

const parse = (text: string) => parseHeader(text, 'snippets/rc/src/bin/x.rs')

describe('parseHeader', () => {
  it('reads each kind of promise', () => {
    expect(parse('//! expect: runs\nfn main() {}').expectation).toEqual({ kind: 'runs', varies: false })
    expect(parse('//! expect: runs (output varies)\n').expectation).toEqual({ kind: 'runs', varies: true })
    expect(parse('//! expect: tests\n').expectation).toEqual({ kind: 'tests' })
    expect(parse('//! expect: compile-error E0502 E0499 E0499\n').expectation).toEqual({ kind: 'compile-error', codes: ['E0499', 'E0502'] })
    expect(parse('//! expect: panics "already borrowed: BorrowMutError"\n').expectation).toEqual({ kind: 'panics', message: 'already borrowed: BorrowMutError' })
    expect(parse('//! expect: test-fails "already borrowed"\n').expectation).toEqual({ kind: 'test-fails', message: 'already borrowed' })
    expect(parse('//! expect: compile-error (test) E0596\n').expectation).toEqual({ kind: 'compile-error', codes: ['E0596'], test: true })
    expect(parse('//! expect: compile-error "lifetime may not live long enough"\n').expectation).toEqual({ kind: 'compile-error', codes: [], message: 'lifetime may not live long enough' })
    expect(parse('//! expect: compile-error E0499 "cannot borrow `x` as mutable"\n').expectation).toEqual({ kind: 'compile-error', codes: ['E0499'], message: 'cannot borrow `x` as mutable' })
  })

  it('keeps prose and the support reason, and the line of the promise', () => {
    const h = parse('//! A title line.\n//!\n//! expect: tests\n//! support: the exercise solution\nfn main() {}')
    expect(h.expectLine).toBe(3)
    expect(h.support).toBe('the exercise solution')
  })

  it('reads the lints a snippet may trigger and its edition', () => {
    const h = parse('//! expect: runs\n//! allow: unused_variables, dead_code clippy::needless_range_loop\n//! edition: 2024\n')
    expect(h.allow).toEqual(['unused_variables', 'dead_code', 'clippy::needless_range_loop'])
    expect(h.edition).toBe('2024')
    expect(h.editionLine).toBe(3)
    expect(parse('//! expect: runs\n')).toEqual(expect.objectContaining({ allow: [], edition: '2024', editionLine: 0, otherEdition: '2021', otherExpectation: null, otherLine: 0 }))
  })

  it('reads the outcome declared under the other edition, in the grammar of `expect:`', () => {
    const h = parse('//! expect: runs\n//! expect-2021: compile-error E0700\n')
    expect(h.otherEdition).toBe('2021')
    expect(h.otherExpectation).toEqual({ kind: 'compile-error', codes: ['E0700'] })
    expect(h.otherLine).toBe(2)
    const old = parse('//! expect: compile-error E0502\n//! edition: 2021\n//! expect-2024: runs\n')
    expect([old.edition, old.otherEdition, old.otherExpectation, old.otherLine]).toEqual(['2021', '2024', { kind: 'runs', varies: false }, 3])
  })

  it('stops at the first line that is not a header line', () => {
    expect(() => parse('use std::rc::Rc;\n//! expect: runs\n')).toThrow('snippets/rc/src/bin/x.rs:1: no `//! expect:` line')
    expect(() => parse('\uFEFF//! expect: runs\nfn main() {}\n')).toThrow('snippets/rc/src/bin/x.rs:1: the file starts with a byte order mark (U+FEFF); save it as UTF-8 without one')
  })

  it.each([
    ['//! expcet: runs', ':1: unknown header key `expcet:`'],
    ['//! expect: run', ':1: unknown expectation `run`'],
    ['//! expect: runs quickly', '`runs` takes nothing or `(output varies)`'],
    ['//! expect: compile-error E499', '`E499` is not a rustc error code'],
    ['//! expect: compile-error E0499 (test)', '`(test)` is not a rustc error code (E followed by four digits); `(test)` comes first'],
    ['//! expect: compile-error "unclosed', ':1: `compile-error`\'s message goes last, in double quotes: `"unclosed`'],
    ['//! expect: compile-error "msg" E0499', '`compile-error`\'s message goes last'],
    ['//! expect: compile-error E0499 E05', ':1: `E05` is not a rustc error code (E followed by four digits); e.g. `compile-error`'],
    ['//! expect: builds quickly', ':1: `builds` takes no argument, not `quickly`'],
    ['//! expect: ignore "why"', ':1: `ignore` takes no argument, not `"why"`'],
    ['//! expect: panics "unclosed', ':1: `panics` takes nothing (any panic) or the expected message in double quotes'],
    ['//! expect: runs\n//! source:', ':2: `source:` needs where the material came from'],
    ['//! expect: runs\n//! source: a.md\n//! source: b.md', ':3: a second `source:` line'],
    ['//! expect: runs\n//! rustfmt:', ':2: `rustfmt:` needs the options'],
    ['//! expect: runs\n//! rustfmt: max_width 85', ':2: `max_width 85` is not a rustfmt option'],
    ['//! expect: runs\n//! rustfmt: max_width=85\n//! rustfmt: tab_spaces=2', ':3: a second `rustfmt:` line'],
    ['//! expect: runs\n//! allow:', ':2: `allow:` needs the lints this snippet may trigger'],
    ['//! expect: runs\n//! allow: unused-variables', ':2: `unused-variables` is not a lint name as rustc reports it'],
    ['//! expect: runs\n//! allow: dead_code\n//! allow: unused_variables', ':3: a second `allow:` line'],
    ['//! expect: runs\n//! edition: 2018', ':2: `edition:` is `2021` or `2024`, not `2018`'],
    ['//! expect: panics already borrowed', ':1: `panics` takes nothing (any panic) or the expected message in double quotes, e.g. `panics "already borrowed"`, not `already borrowed`'],
    ['//! expect: test-fails', ':1: `test-fails` needs the expected message in double quotes, e.g. `test-fails "already borrowed"`'],
    ['//! expect: test-fails ""', '`test-fails` needs the expected message in double quotes'],
    ['//! expect: tests\n//! expect: runs', ':2: a second `expect:` line'],
    ['//! support:', 'needs a reason'],
    ['//! expect: runs\n//! expect-2024: runs', ':2: `expect-2024:` declares the outcome under edition 2024, but that is this snippet\'s own edition, promised by `expect:`; the other edition is 2021'],
    ['//! expect: runs\n//! expect-2021: compile-error E700', ':2: `E700` is not a rustc error code'],
    ['//! expect: runs\n//! expect-2021: runs\n//! expect-2021: tests', ':3: a second `expect-<edition>:` line'],
    ['//! expect: runs\n//! expect-2018: runs', ':2: unknown header key `expect-2018:`; known keys are `expect:`, `expect-2021:`'],
  ])('rejects %j with a message naming file and line', (text, message) => {
    expect(() => parse(text)).toThrow(message)
  })

  it('reads the promises rustdoc\'s attributes make: any compile error, any panic, builds, ignore', () => {
    expect(parse('//! expect: compile-error\n').expectation).toEqual({ kind: 'compile-error', codes: [] })
    expect(parse('//! expect: compile-error (test)\n').expectation).toEqual({ kind: 'compile-error', codes: [], test: true })
    expect(parse('//! expect: panics\n').expectation).toEqual({ kind: 'panics' })
    expect(parse('//! expect: builds\n').expectation).toEqual({ kind: 'builds' })
    expect(parse('//! expect: ignore\n').expectation).toEqual({ kind: 'ignore' })
  })

  it('reads where imported material came from and its own rustfmt style', () => {
    const h = parse('//! source: src/drop.md, block 4 (line 12), commit 1a2b3c4\n//!\n//! expect: runs\n//! rustfmt: max_width=85 use_small_heuristics=Max\nfn main() {}')
    expect(h.provenance).toBe('src/drop.md, block 4 (line 12), commit 1a2b3c4')
    expect(h.rustfmt).toEqual(['max_width=85', 'use_small_heuristics=Max'])
    expect(parse('//! expect: runs\n')).toMatchObject({ provenance: null, rustfmt: [] })
  })

  it('describes a promise in the header\'s own words', () => {
    for (const line of ['compile-error', 'panics', 'builds', 'ignore', 'runs', 'runs (output varies)', 'tests', 'compile-error E0499 E0502', 'panics "boom"', 'test-fails "boom"', 'compile-error (test) E0596', 'compile-error "lifetime may not live long enough"', 'compile-error E0499 "cannot borrow"'])
      expect(describeExpectation(parse(`//! expect: ${line}`).expectation)).toBe(line)
  })
})

describe('headerBlock', () => {
  it('reads the leading //! lines: keys with their lines, and the prose', () => {
    const h = headerBlock('//! A title.\n//!\n//! expect: runs\n//! support: shared\nfn main() {}\n//! not: header')
    expect(h.lines).toBe(4)
    expect(h.keys).toEqual([{ key: 'expect', value: ' runs', line: 3 }, { key: 'support', value: ' shared', line: 4 }])
    expect(h.prose).toEqual(['A title.', ''])
  })
})
