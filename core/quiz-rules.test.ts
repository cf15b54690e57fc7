import type { QuizSpec } from './quiz.ts'
import type { GeneratedData, RawTraceEvent, SnippetResult } from './snippet-data.ts'
import { describe, expect, it } from 'vitest'
import { ASK_RULES, buildQuiz, compilesAnswer, compilesWrongChoice, countsAnswer, countsWrongChoice, quizChoices, quizSubject, RUNS_TEXT, runsAnswer, runsWrongChoice } from './quiz.ts'

function snippet(id: string, over: Partial<SnippetResult> = {}): SnippetResult {
  return {
    id,
    topic: id.split('/')[0]!,
    file: `snippets/${id}.rs`,
    source: '',
    expectation: { kind: 'runs', varies: false },
    command: `cargo run -q --bin ${id.split('/')[1]}`,
    support: null,
    status: 'passed',
    failures: [],
    key: 'k',
    durationMs: 0,
    run: { stdout: '', stderr: '', exitCode: 0, timedOut: false },
    diagnostics: [],
    tests: null,
    trace: null,
    ...over,
  }
}

const error = (code: string | null, message: string) => ({ level: 'error', code, message, rendered: `error: ${message}`, spans: [] })
const broken = (id: string, ...errors: ReturnType<typeof error>[]) => snippet(id, { expectation: { kind: 'compile-error', codes: [...new Set(errors.flatMap(e => e.code ? [e.code] : []))] }, run: null, diagnostics: errors })
const ran = (id: string, stdout: string, exitCode = 0, stderr = '') => snippet(id, { run: { stdout, stderr, exitCode, timedOut: false } })
const PANIC = 'thread \'main\' panicked at t/src/bin/p.rs:3:5:\nalready borrowed\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n'
const spec = (over: Partial<QuizSpec>): QuizSpec => ({ snippet: 't/x', ask: 'runs', answer: 'prints', wrong: ['x'], ...over })
const trace: RawTraceEvent[] = [
  { seq: 0, ev: 'step', caption: 'a' },
  { seq: 1, ev: 'rc', alloc: 'alloc0', handle: 'a', op: 'new', strong: 1, weak: 0, thread: 'main' },
  { seq: 2, ev: 'step', caption: 'b' },
  { seq: 3, ev: 'weak', alloc: 'alloc0', handle: 'w', op: 'downgrade', strong: 1, weak: 1, thread: 'main' },
]
const data: GeneratedData = {
  rustc: 'rustc 1.95.0',
  snippets: {
    't/moved': broken('t/moved', error('E0382', 'use of moved value: `x`')),
    't/life': broken('t/life', error(null, 'lifetime may not live long enough')),
    't/prints': ran('t/prints', 'a = 1\n'),
    't/panics': ran('t/panics', 'first\n', 101, PANIC),
  },
}

describe('quizSubject', () => {
  it('finds the snippet of a question that can be asked', () => {
    expect(quizSubject(spec({ snippet: 't/prints' }), data)).toBe(data.snippets['t/prints'])
  })

  it('says why no question can be built', () => {
    expect(quizSubject(spec({ ask: 'borrows' as QuizSpec['ask'] }), data)).toEqual(['ask="borrows" is not one of compiles, runs, counts'])
    expect(quizSubject(spec({ snippet: 't/none' }), data)).toEqual(['snippet="t/none" has no captures (no such snippet, or the check has not run)'])
    const failed = { ...data, snippets: { 't/x': snippet('t/x', { status: 'failed' }) } }
    expect(quizSubject(spec({ snippet: 't/x' }), failed)).toEqual(['snippet="t/x" failed the check; a question cannot be built on it'])
  })
})

describe('compiles', () => {
  it('compilesAnswer: `runs` for a program, rustc\'s first error for a broken one', () => {
    expect(compilesAnswer(spec({ ask: 'compiles', answer: 'runs' }), data.snippets['t/prints']!)).toEqual({ right: RUNS_TEXT, problems: [] })
    expect(compilesAnswer(spec({ ask: 'compiles', answer: ' E0382 ' }), data.snippets['t/moved']!)).toEqual({ right: 'error[E0382]: use of moved value: `x`', problems: [] })
    expect(compilesAnswer(spec({ ask: 'compiles', answer: 'runs' }), data.snippets['t/life']!).right).toBe('error: lifetime may not live long enough')
  })

  it('compilesAnswer: a claim that is not `runs` or codes, or that disagrees', () => {
    expect(compilesAnswer(spec({ ask: 'compiles', answer: 'no' }), data.snippets['t/moved']!).problems).toEqual(['answer="no" must be `runs` or rustc error codes such as E0382'])
    expect(compilesAnswer(spec({ ask: 'compiles', answer: 'runs' }), data.snippets['t/moved']!).problems).toEqual(['answer="runs" disagrees with the check: rustc rejects t/moved with E0382'])
    expect(compilesAnswer(spec({ ask: 'compiles', answer: 'E0499' }), data.snippets['t/prints']!).problems).toEqual(['answer="E0499" disagrees with the check: t/prints compiles and runs'])
    const silent = snippet('t/silent', { expectation: { kind: 'compile-error', codes: [] }, run: null })
    expect(compilesAnswer(spec({ ask: 'compiles', answer: 'runs' }), silent)).toEqual({ right: null, problems: ['t/silent did not compile, but rustc gave no error message'] })
  })

  it('compilesWrongChoice: `runs`, an authored error, a code some snippet has, a snippet\'s outcome', () => {
    expect(compilesWrongChoice('runs', data)).toBe(RUNS_TEXT)
    expect(compilesWrongChoice('E0499: cannot borrow `v` twice', data)).toBe('error[E0499]: cannot borrow `v` twice')
    expect(compilesWrongChoice('E0382', data)).toBe('error[E0382]: use of moved value: `x`')
    expect(compilesWrongChoice('E0597', data)).toEqual(['wrong choice E0597: no checked snippet has rustc error E0597, so its message cannot be shown'])
    expect(compilesWrongChoice('t/moved', data)).toBe('error[E0382]: use of moved value: `x`')
    expect(compilesWrongChoice('t/prints', data)).toBe(RUNS_TEXT)
    expect(compilesWrongChoice('it crashes', data)).toEqual(['wrong choice "it crashes" is not `runs`, an error code or a snippet id'])
  })
})

describe('runs', () => {
  it('runsAnswer: the output, and the panic when it panicked', () => {
    expect(runsAnswer(spec({ answer: 'prints' }), data.snippets['t/prints']!)).toEqual({ right: 'a = 1', problems: [] })
    expect(runsAnswer(spec({ answer: 'panics' }), data.snippets['t/panics']!)).toEqual({ right: 'first\npanicked: already borrowed', problems: [] })
    expect(runsAnswer(spec({ answer: 'prints' }), ran('t/quiet', '')).right).toBe('(prints nothing)')
  })

  it('runsAnswer: a claim that is not `prints` or `panics`, or that disagrees', () => {
    expect(runsAnswer(spec({ answer: 'crashes' }), data.snippets['t/prints']!).problems).toEqual(['answer="crashes" must be `prints` or `panics`'])
    expect(runsAnswer(spec({ answer: 'prints' }), data.snippets['t/panics']!).problems).toEqual(['answer="prints" disagrees with the check: t/panics panics'])
    expect(runsAnswer(spec({ answer: 'panics' }), data.snippets['t/prints']!).problems).toEqual(['answer="panics" disagrees with the check: t/prints runs to the end without a panic'])
  })

  it('runsAnswer: no answer from a snippet that did not run, varies or exited without a panic', () => {
    expect(runsAnswer(spec({}), data.snippets['t/moved']!)).toEqual({ right: null, problems: ['t/moved did not run (it expects compile-error)'] })
    expect(runsAnswer(spec({}), snippet('t/v', { expectation: { kind: 'runs', varies: true } })).problems).toEqual(['t/v\'s output varies from run to run, so it cannot be an answer'])
    expect(runsAnswer(spec({}), ran('t/exit', '', 3)).problems).toEqual(['t/exit exited with 3 without a panic message'])
  })

  it('runsWrongChoice: a snippet\'s outcome or authored text', () => {
    expect(runsWrongChoice('t/panics', data)).toBe('first\npanicked: already borrowed')
    expect(runsWrongChoice('a = 2', data)).toBe('a = 2')
    expect(runsWrongChoice('t/none', data)).toEqual(['wrong choice "t/none" names no snippet'])
  })
})

describe('counts', () => {
  const counted = snippet('t/c', { trace })

  it('countsAnswer: the recording\'s counts at the step, or at the end', () => {
    expect(countsAnswer(spec({ ask: 'counts', handle: 'a', answer: '1 1' }), counted)).toEqual({ right: 'strong_count = 1, weak_count = 1', problems: [] })
    expect(countsAnswer(spec({ ask: 'counts', handle: 'a', answer: '1 0', step: 1 }), counted)).toEqual({ right: 'strong_count = 1, weak_count = 0', problems: [] })
  })

  it('countsAnswer: what is missing or disagrees', () => {
    expect(countsAnswer(spec({ ask: 'counts', answer: '1 1' }), counted).problems).toEqual(['ask="counts" needs handle="<name>" (a handle the recording names)'])
    expect(countsAnswer(spec({ ask: 'counts', handle: 'a', answer: '1 1' }), snippet('t/n')).problems).toEqual(['t/n has no recording to count from'])
    expect(countsAnswer(spec({ ask: 'counts', handle: 'a', answer: '1 1', step: 9 }), counted)).toEqual({ right: null, problems: ['step 9 is not in the recording (its animation has 2 steps)'] })
    expect(countsAnswer(spec({ ask: 'counts', handle: 'a', answer: 'one' }), counted).problems).toEqual(['answer="one" must be the two counts, strong then weak, e.g. "2 1"'])
    expect(countsAnswer(spec({ ask: 'counts', handle: 'a', answer: '2 0' }), counted).problems).toEqual(['answer="2 0" disagrees with the recording: `a` at the end has strong 1, weak 1'])
    expect(countsAnswer(spec({ ask: 'counts', handle: 'a', answer: '2 0', step: 1 }), counted).problems).toEqual(['answer="2 0" disagrees with the recording: `a` at step 1 has strong 1, weak 0'])
  })

  it('countsWrongChoice: two counts', () => {
    expect(countsWrongChoice(' 2 1 ')).toBe('strong_count = 2, weak_count = 1')
    expect(countsWrongChoice('2')).toEqual(['wrong choice "2" must be two counts, e.g. "1 0"'])
  })
})

describe('quizChoices', () => {
  const text = (w: string) => w.startsWith('!') ? [`bad ${w}`] : w

  it('puts the right choice first, then each distinct wrong one', () => {
    expect(quizChoices('yes', ['no', 'maybe'], text)).toEqual({ choices: [{ text: 'yes', correct: true }, { text: 'no', correct: false }, { text: 'maybe', correct: false }], problems: [] })
  })

  it('asks for a wrong choice, and rejects one that repeats the answer or another choice, ignoring case and spacing', () => {
    expect(quizChoices('yes', [], text).problems).toEqual(['give at least one wrong choice (:wrong="[…]")'])
    expect(quizChoices('a  = 1', ['A = 1'], text).problems).toEqual(['wrong choice "A = 1" says the same as the real answer'])
    expect(quizChoices('yes', ['no', ' NO '], text).problems).toEqual(['wrong choice " NO " renders the same text as another choice; give each choice an outcome of its own'])
  })

  it('passes on the problems of a wrong choice, and builds without a right one', () => {
    expect(quizChoices(null, ['!x', 'no'], text)).toEqual({ choices: [{ text: 'no', correct: false }], problems: ['bad !x'] })
  })
})

describe('buildQuiz puts the rules together', () => {
  it('has one rule per ask', () => {
    expect(Object.keys(ASK_RULES)).toEqual(['compiles', 'runs', 'counts'])
  })

  it('reports the answer\'s problems before the choices\'', () => {
    expect(buildQuiz(spec({ snippet: 't/prints', answer: 'panics', wrong: [] }), data).problems)
      .toEqual(['answer="panics" disagrees with the check: t/prints runs to the end without a panic', 'give at least one wrong choice (:wrong="[…]")'])
  })
})
