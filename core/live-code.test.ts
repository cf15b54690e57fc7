import type { SnippetResult } from './snippet-data.ts'
import { describe, expect, it } from 'vitest'
import { stripAnsi } from './ansi.ts'
import { composeProgram, firstLine, liveProgram, outcomeLine, playgroundUrl, programNumbering, recordedResponse, warningSummary } from './live-code.ts'

const SOURCE = `//! expect: runs
//!
//! A doc line.

use std::rc::Rc;
use trace::Op;

fn main() {
    // #region counts
    let a = Rc::new(1);
    trace::rc("a", Op::New, &a);
    if true {
        println!("{}", Rc::strong_count(&a));
    }
    // #endregion counts
    println!("end");
}
`

describe('liveProgram', () => {
  it('shows the region without its indentation, recorder calls or markers', () => {
    const p = liveProgram(SOURCE, 'counts')
    expect(p.shown).toBe('let a = Rc::new(1);\nif true {\n    println!("{}", Rc::strong_count(&a));\n}')
    expect(p.indent).toBe('    ')
    expect(p.before).toBe('use std::rc::Rc;\n\nfn main() {')
    expect(p.after).toBe('    println!("end");\n}\n')
  })

  it('shows the whole program without the header when no region is named', () => {
    const p = liveProgram(SOURCE, undefined)
    expect(p.shown.startsWith('use std::rc::Rc;')).toBe(true)
    expect(p.shown).not.toMatch(/#region|trace|expect:/)
  })

  it('names the file and region when the region is missing', () => {
    expect(() => liveProgram(SOURCE, 'nope', 'rc/x.rs')).toThrow(/rc\/x\.rs: no region `nope`/)
  })
})

describe('composeProgram', () => {
  it('puts the edited region back in place, re-indented', () => {
    const p = liveProgram(SOURCE, 'counts')
    const full = composeProgram(p, 'let a = Rc::new(2);\n\nprintln!("{a}");')
    expect(full).toBe('use std::rc::Rc;\n\nfn main() {\n    let a = Rc::new(2);\n\n    println!("{a}");\n    println!("end");\n}\n')
  })

  it('numbers the shown lines as rustc will', () => {
    const p = liveProgram(SOURCE, 'counts')
    const full = composeProgram(p, p.shown).split('\n')
    expect(full[firstLine(p) - 1]).toBe('    let a = Rc::new(1);')
    expect(firstLine(liveProgram(SOURCE, undefined))).toBe(1)
  })

  it('gives back the file (minus header and recorder) for an unedited region', () => {
    const p = liveProgram(SOURCE, 'counts')
    expect(composeProgram(p, p.shown)).toContain('    if true {\n        println!')
  })
})

describe('playgroundUrl', () => {
  it('carries the code, encoded', () => {
    const url = new URL(playgroundUrl('fn main() { println!("a & b"); }'))
    expect(url.origin).toBe('https://play.rust-lang.org')
    expect(url.searchParams.get('code')).toBe('fn main() { println!("a & b"); }')
    expect(url.searchParams.get('edition')).toBe('2024')
  })
})

function result(partial: Partial<SnippetResult>): SnippetResult {
  return { id: 'rc/x', topic: 'rc', file: 'snippets/rc/src/bin/x.rs', source: '', command: 'cargo run -q --bin x', expectation: { kind: 'runs', varies: false }, support: null, status: 'passed', failures: [], key: '', durationMs: 5, run: null, diagnostics: [], tests: null, trace: null, ...partial }
}

describe('recordedResponse', () => {
  it('turns a recorded run into an answer', () => {
    const r = recordedResponse(result({ run: { stdout: 'hi\n', stderr: '', exitCode: 0, timedOut: false } }))
    expect(r).toMatchObject({ outcome: 'ok', stdout: 'hi\n', exitCode: 0 })
  })

  it('reads a non-zero exit as a panic and a compile-error snippet as compile_error', () => {
    expect(recordedResponse(result({ expectation: { kind: 'panics', message: 'x' }, run: { stdout: '', stderr: 'boom', exitCode: 101, timedOut: false } })).outcome).toBe('panic')
    const ce = recordedResponse(result({ expectation: { kind: 'compile-error', codes: ['E0382'] }, diagnostics: [{ level: 'error', code: 'E0382', message: 'm', rendered: 'error[E0382]: m\n', spans: [] }] }))
    expect(ce).toMatchObject({ outcome: 'compile_error', diagnostics: 'error[E0382]: m\n' })
  })
})

describe('outcomeLine', () => {
  const base = { stdout: '', stderr: '', exitCode: null, diagnostics: '', durationMs: 1, cached: false, stopped: null, truncated: false } as const
  it('tells the outcomes apart', () => {
    expect(outcomeLine({ ...base, outcome: 'ok', exitCode: 0 })).toBe('ran · exit 0')
    expect(outcomeLine({ ...base, outcome: 'compile_error' })).toBe('does not compile')
    expect(outcomeLine({ ...base, outcome: 'panic', exitCode: 101 })).toBe('panicked · exit 101')
    expect(outcomeLine({ ...base, outcome: 'timeout', stopped: 'time' })).toBe('stopped: time limit')
    expect(outcomeLine({ ...base, outcome: 'timeout', stopped: 'output' })).toBe('stopped: too much output')
    expect(outcomeLine({ ...base, outcome: 'rejected', error: 'busy' })).toBe('refused: busy')
  })
})

describe('warningSummary', () => {
  it('counts warnings, not the closing tally', () => {
    const text = '\u001B[33mwarning\u001B[0m: unused variable: `c`\n --> main.rs:1:1\nwarning: unused import\nwarning: 2 warnings emitted\n'
    expect(warningSummary(text)).toBe('rustc: 2 warnings')
    expect(warningSummary('warning[E0170]: x\n')).toBe('rustc: 1 warning')
  })
})

describe('programNumbering', () => {
  // Header, blank line, then the body; a recorder call and region markers that the editor hides.
  const source = [
    '//! compile-error E0502',
    '',
    'fn main() {',
    '    // #region later',
    '    let mut scores = vec![7, 9];',
    '    trace::mark("start");',
    '    let best = scores.iter().max().unwrap();',
    '    scores.push(10);',
    '    println!("{best}");',
    '    // #endregion later',
    '}',
  ].join('\n')
  const blue = (t: string) => `\x1B[1m\x1B[94m${t}\x1B[0m`
  const rendered = [
    `\x1B[1m\x1B[91merror[E0502]\x1B[0m: cannot borrow \`scores\` as mutable`,
    `  ${blue('--> ')}rc/fail/later.rs:8:5`,
    `   ${blue('|')}`,
    `${blue(' 7')} ${blue('|')}     let best = scores.iter().max().unwrap();`,
    `${blue(' 8')} ${blue('|')}     scores.push(10);`,
    `${blue('10')} ${blue('|')}     // #endregion later`,
    `  ${blue(':::')} /rustc/library/alloc/src/vec/mod.rs:8:1`,
    `${blue(' 8')} ${blue('|')} pub struct Vec`,
  ].join('\n')

  it('numbers the file\'s lines as the editor does, and names the file as the live runner does', () => {
    const lines = stripAnsi(programNumbering(rendered, 'snippets/rc/fail/later.rs', source)).split('\n')
    // Program lines: 1 fn main, 2 let mut, 3 let best, 4 push, 5 println, 6 }.
    expect(lines[1]).toBe('  --> main.rs:4:5')
    expect(lines[3]).toBe(' 3 |     let best = scores.iter().max().unwrap();')
    expect(lines[4]).toBe(' 4 |     scores.push(10);')
    // A line the editor does not have keeps the file's number; std's lines are std's.
    expect(lines[5]).toBe('10 |     // #endregion later')
    expect(lines[6]).toBe('  ::: /rustc/library/alloc/src/vec/mod.rs:8:1')
    expect(lines[7]).toBe(' 8 | pub struct Vec')
    expect(liveProgram(source, undefined).shown.split('\n')[3]).toBe('    scores.push(10);')
  })

  it('keeps the colour codes', () => {
    const out = programNumbering(rendered, 'snippets/rc/fail/later.rs', source)
    expect(out.split('\n')[3]).toBe(`${blue(' 3')} ${blue('|')}     let best = scores.iter().max().unwrap();`)
  })
})
