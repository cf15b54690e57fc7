import type { GeneratedData, RawTraceEvent, SnippetResult } from './snippet-data.ts'
import { describe, expect, it } from 'vitest'
import { buildQuiz, countsAt, firstAttempt, panicMessage, quizId, recordAttempt, retryAttempt, RUNS_TEXT, shownAnswer } from './quiz.ts'

function snippet(id: string, over: Partial<SnippetResult>): SnippetResult {
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

const error = (code: string, message: string) => ({ level: 'error', code, message, rendered: `error[${code}]: ${message}`, spans: [] })
const trace: RawTraceEvent[] = [
  { seq: 0, ev: 'step', caption: 'a' },
  { seq: 1, ev: 'rc', alloc: 'alloc0', handle: 'a', op: 'new', strong: 1, weak: 0, thread: 'main' },
  { seq: 2, ev: 'step', caption: 'b' },
  { seq: 3, ev: 'rc', alloc: 'alloc0', handle: 'b', op: 'clone', strong: 2, weak: 0, thread: 'main' },
  { seq: 4, ev: 'step', caption: 'b goes' },
  { seq: 5, ev: 'drop', handle: 'b', thread: 'main' },
]

const data: GeneratedData = {
  rustc: 'rustc 1.95.0',
  snippets: {
    't/moved': snippet('t/moved', { expectation: { kind: 'compile-error', codes: ['E0382'] }, run: null, diagnostics: [error('E0382', 'use of moved value: `x`'), { ...error('', 'aborting'), code: null }] }),
    't/twice': snippet('t/twice', { expectation: { kind: 'compile-error', codes: ['E0499'] }, run: null, diagnostics: [error('E0499', 'cannot borrow `v` as mutable more than once at a time')] }),
    't/prints': snippet('t/prints', { run: { stdout: 'a = 1\nb = 2\n', stderr: '', exitCode: 0, timedOut: false } }),
    't/other': snippet('t/other', { run: { stdout: 'a = 2\n', stderr: '', exitCode: 0, timedOut: false } }),
    't/panics': snippet('t/panics', { expectation: { kind: 'panics', message: 'already' }, run: { stdout: 'first\n', stderr: '\nthread \'main\' panicked at t/src/bin/panics.rs:3:5:\nalready borrowed\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n', exitCode: 101, timedOut: false } }),
    't/varies': snippet('t/varies', { expectation: { kind: 'runs', varies: true }, run: { stdout: '3 ns\n', stderr: '', exitCode: 0, timedOut: false } }),
    't/counts': snippet('t/counts', { trace }),
  },
}

const right = (r: ReturnType<typeof buildQuiz>) => r.model?.choices.find(c => c.correct)?.text

describe('buildQuiz', () => {
  it('"does it compile?": the right choice is rustc\'s first error, with wrong codes shown in the words of a snippet that has them', () => {
    const r = buildQuiz({ snippet: 't/moved', ask: 'compiles', answer: 'E0382', wrong: ['runs', 'E0499', 'E0502: cannot borrow `x` as mutable'] }, data)
    expect(r.problems).toEqual([])
    expect(right(r)).toBe('error[E0382]: use of moved value: `x`')
    expect(r.model!.choices.map(c => c.text).sort()).toEqual([
      RUNS_TEXT,
      'error[E0382]: use of moved value: `x`',
      'error[E0499]: cannot borrow `v` as mutable more than once at a time',
      'error[E0502]: cannot borrow `x` as mutable',
    ])
  })

  it('fails a claim the capture contradicts, saying what the check found', () => {
    expect(buildQuiz({ snippet: 't/moved', ask: 'compiles', answer: 'runs', wrong: ['E0499'] }, data).problems)
      .toEqual(['answer="runs" disagrees with the check: rustc rejects t/moved with E0382'])
    expect(buildQuiz({ snippet: 't/prints', ask: 'compiles', answer: 'E0382', wrong: ['E0499'] }, data).problems)
      .toEqual(['answer="E0382" disagrees with the check: t/prints compiles and runs'])
    expect(buildQuiz({ snippet: 't/panics', ask: 'runs', answer: 'prints', wrong: ['x'] }, data).problems)
      .toEqual(['answer="prints" disagrees with the check: t/panics panics'])
    expect(buildQuiz({ snippet: 't/counts', ask: 'counts', handle: 'a', answer: '2 0', wrong: ['3 0'] }, data).problems)
      .toEqual(['answer="2 0" disagrees with the recording: `a` at the end has strong 1, weak 0'])
  })

  it('"what does it print?": the captured output, with other snippets\' outputs and authored text as wrong choices', () => {
    const r = buildQuiz({ snippet: 't/prints', ask: 'runs', answer: 'prints', wrong: ['t/other', 'a = 1'] }, data)
    expect(right(r)).toBe('a = 1\nb = 2')
    expect(r.model!.choices.filter(c => !c.correct).map(c => c.text).sort()).toEqual(['a = 1', 'a = 2'])
    expect(r.model!.command).toBe('cargo run -q --bin prints')
  })

  it('"does it panic?": the output before the panic and the panic message', () => {
    const r = buildQuiz({ snippet: 't/panics', ask: 'runs', answer: 'panics', wrong: ['t/prints'] }, data)
    expect(right(r)).toBe('first\npanicked: already borrowed')
  })

  it('refuses a wrong choice that says what really happened, or repeats another', () => {
    expect(buildQuiz({ snippet: 't/prints', ask: 'runs', answer: 'prints', wrong: ['a = 1\n  b = 2\n'] }, data).problems)
      .toEqual(['wrong choice "a = 1\n  b = 2\n" says the same as the real answer'])
    expect(buildQuiz({ snippet: 't/moved', ask: 'compiles', answer: 'E0382', wrong: ['E0382'] }, data).problems)
      .toEqual(['wrong choice "E0382" says the same as the real answer'])
    expect(buildQuiz({ snippet: 't/prints', ask: 'runs', answer: 'prints', wrong: ['x', 'x'] }, data).problems)
      .toEqual(['wrong choice "x" renders the same text as another choice; give each choice an outcome of its own'])
  })

  it('refuses output that varies, unknown snippets and codes no snippet shows', () => {
    expect(buildQuiz({ snippet: 't/varies', ask: 'runs', answer: 'prints', wrong: ['x'] }, data).problems[0]).toMatch(/output varies/)
    expect(buildQuiz({ snippet: 't/nope', ask: 'runs', answer: 'prints', wrong: ['x'] }, data).problems[0]).toMatch(/no captures/)
    expect(buildQuiz({ snippet: 't/moved', ask: 'compiles', answer: 'E0382', wrong: ['E0597'] }, data).problems)
      .toEqual(['wrong choice E0597: no checked snippet has rustc error E0597, so its message cannot be shown'])
    expect(buildQuiz({ snippet: 't/moved', ask: 'compiles', answer: 'E0382', wrong: [] }, data).problems)
      .toEqual(['give at least one wrong choice (:wrong="[…]")'])
  })

  it('orders choices the same way every time, not by which is right', () => {
    const spec = { snippet: 't/moved', ask: 'compiles' as const, answer: 'E0382', wrong: ['runs', 'E0499'] }
    expect(buildQuiz(spec, data).model!.choices).toEqual(buildQuiz({ ...spec, wrong: ['E0499', 'runs'] }, data).model!.choices)
  })
})

describe('countsAt', () => {
  it('reads the counts the animation shows at a step, less the handles dropped since', () => {
    expect(countsAt('t/counts', trace, 'a', 1)).toEqual({ strong: 1, weak: 0 })
    expect(countsAt('t/counts', trace, 'b', 2)).toEqual({ strong: 2, weak: 0 })
    expect(countsAt('t/counts', trace, 'a')).toEqual({ strong: 1, weak: 0 })
    expect(countsAt('t/counts', trace, 'z')).toMatch(/no counts for handle `z` \(handles: a, b\)/)
    expect(countsAt('t/counts', trace, 'a', 9)).toMatch(/step 9 is not in the recording/)
  })
})

it('panicMessage takes the message between the panic line and the note', () => {
  expect(panicMessage('thread \'main\' panicked at x.rs:1:1:\nboom\ntwo lines\nnote: run with')).toBe('boom\ntwo lines')
  expect(panicMessage('error: no panic here')).toBeNull()
})

it('quizId is the same for the same question wherever it is asked', () => {
  expect(quizId({ snippet: 'rc/x', ask: 'counts', handle: 'a', step: 2 })).toBe('rc/x:counts:a:2')
})

describe('attempts kept in the browser', () => {
  it('keeps the first attempt through Try again and later answers', () => {
    const wrong = { picked: 'runs', correct: false }
    const right = { picked: 'E0596', correct: true }
    const once = recordAttempt(null, wrong)
    expect(firstAttempt(once)).toEqual(wrong)
    const retrying = retryAttempt(once)
    expect(shownAnswer(retrying)).toBeNull()
    expect(firstAttempt(retrying)).toEqual(wrong)
    const twice = recordAttempt(retrying, right)
    expect(shownAnswer(twice)).toEqual(right)
    expect(firstAttempt(twice)).toEqual(wrong)
    expect(retryAttempt(null)).toBeNull()
  })

  it('reads an entry kept before first attempts were recorded as its own first attempt', () => {
    expect(firstAttempt({ picked: 'runs', correct: true })).toEqual({ picked: 'runs', correct: true })
  })
})
