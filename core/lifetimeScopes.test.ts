import type { Diagnostic, DiagnosticSpan } from './snippet-data.ts'
import { describe, expect, it } from 'vitest'
import { lifetimeScopes } from './lifetimeScopes.ts'

const dangling = [
  '//! expect: compile-error E0597',
  '',
  'fn main() {',
  '    // #region dangling',
  '    let shortest;',
  '    {',
  '        let word = String::from("ferris");',
  '        shortest = &word;',
  '    }',
  '    println!("shortest: {shortest}");',
  '    // #endregion dangling',
  '}',
].join('\n')

function span(line: number, columnStart: number, columnEnd: number, label: string, primary = false): DiagnosticSpan {
  return { file: 'x.rs', lineStart: line, lineEnd: line, columnStart, columnEnd, label, primary }
}
function diag(code: string, message: string, spans: DiagnosticSpan[]): Diagnostic {
  return { level: 'error', code, message, rendered: '', spans }
}

// As rustc 1.95 reports concrete-lifetimes/dangling.
const e0597 = diag('E0597', '`word` does not live long enough', [
  span(8, 20, 25, 'borrowed value does not live long enough', true),
  span(9, 5, 6, '`word` dropped here while still borrowed'),
  span(7, 13, 17, 'binding `word` declared here'),
  span(10, 26, 34, 'borrow later used here'),
])

describe('lifetimeScopes', () => {
  it('draws the value and the borrow named after the variables, from rustc\'s spans', () => {
    const steps = lifetimeScopes('c/dangling', dangling, [e0597])
    const last = steps.at(-1)!
    expect(last.bars.map(b => [b.name, b.kind, b.of, b.start, b.end, b.errorFrom])).toEqual([
      ['word', 'value', null, 7, 9, null],
      ['shortest', 'borrow', 'word', 8, 10, 10],
    ])
    expect(last.lines.map(l => l.no)).toEqual([5, 6, 7, 8, 9, 10])
    expect(last.error).toEqual({ code: 'E0597', message: '`word` does not live long enough' })
    expect(last.bars[1]!.inError).toBe(true)
  })

  it('grows the bars one pointed-at line per step, the error last', () => {
    const steps = lifetimeScopes('c/dangling', dangling, [e0597])
    expect(steps.map(s => s.bars.map(b => b.shownEnd))).toEqual([
      [7, null],
      [8, 8],
      [9, 9],
      [9, 10],
    ])
    expect(steps.map(s => s.error !== null)).toEqual([false, false, false, true])
    expect(steps[2]!.announce).toBe('line 9. `word` dropped here while still borrowed')
    expect(steps[0]!.marks.filter(m => m.visible).map(m => m.label)).toEqual(['binding `word` declared here'])
  })

  it('marks the second of two overlapping borrows (E0499)', () => {
    const src = ['fn main() {', '    let mut scores = vec![1];', '    let first = &mut scores;', '    let second = &mut scores;', '    first.push(2);', '    second.push(3);', '}'].join('\n')
    const steps = lifetimeScopes('c/two', src, [diag('E0499', 'cannot borrow `scores` as mutable more than once at a time', [
      span(3, 17, 28, 'first mutable borrow occurs here'),
      span(4, 18, 29, 'second mutable borrow occurs here', true),
      span(5, 5, 10, 'first borrow later used here'),
    ])])
    const last = steps.at(-1)!
    expect(last.bars.map(b => [b.name, b.of, b.start, b.end, b.errorFrom])).toEqual([
      ['first', 'scores', 3, 5, null],
      ['second', 'scores', 4, 4, 4],
    ])
  })

  it('names a borrow taken by a closure after the closure', () => {
    const src = ['fn main() {', '    let mut log = Vec::new();', '    std::thread::scope(|s| {', '        s.spawn(|| log.push(1));', '        s.spawn(|| log.push(2));', '    });', '}'].join('\n')
    const steps = lifetimeScopes('a/race', src, [diag('E0499', 'cannot borrow `log` as mutable more than once at a time', [
      span(4, 17, 19, 'first mutable borrow occurs here'),
      span(5, 17, 19, 'second mutable borrow occurs here', true),
      span(4, 20, 23, 'first borrow occurs due to use of `log` in closure'),
    ])])
    expect(steps.at(-1)!.bars.map(b => [b.name, b.of, b.errorFrom])).toEqual([['closure, line 4', 'log', null], ['closure, line 5', 'log', 5]])
  })

  it('says what is missing when rustc gave nothing to draw', () => {
    expect(() => lifetimeScopes('c/x', 'fn main() {}', [])).toThrow('snippet "c/x": LifetimeScopes needs a compile error with labelled spans')
    expect(() => lifetimeScopes('c/x', 'fn main() {}', [diag('E0308', 'mismatched types', [span(1, 1, 2, 'expected `u8`')])])).toThrow('name no value or borrow to draw')
    expect(() => lifetimeScopes('c/dangling', dangling, [e0597], { region: 'nope' })).toThrow('no region `nope`')
  })
})
