import { describe, expect, it } from 'vitest'
import { firstPanic, formatPanicHeader, isPanicLine, panicHeader, panicMessage, panics } from './panic.ts'

const NOTE = 'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace'

describe('panicMessage', () => {
  it('reads a normal panic: the message under the location line, up to the note', () => {
    const stderr = `\nthread 'main' panicked at refcell/src/bin/x.rs:9:5:\nalready borrowed: BorrowMutError\n${NOTE}\n`
    expect(panicMessage(stderr)).toBe('already borrowed: BorrowMutError')
    expect(firstPanic(stderr)).toEqual({ thread: 'main', location: 'refcell/src/bin/x.rs:9:5', message: 'already borrowed: BorrowMutError' })
  })

  it('keeps a message of several lines whole', () => {
    const stderr = `thread 'main' panicked at x.rs:3:5:\nassertion \`left == right\` failed\n  left: 1\n right: 2\n${NOTE}\n`
    expect(panicMessage(stderr)).toBe('assertion `left == right` failed\n  left: 1\n right: 2')
    expect(panicMessage('thread \'t1\' (77) panicked at a.rs:1:1:\nline one\nline two')).toBe('line one\nline two')
  })

  it('stops at the RUST_BACKTRACE note, and reads a message the note does not follow', () => {
    expect(panicMessage(`thread 'main' panicked at x.rs:1:1:\nboom\n${NOTE}\nafter\n`)).toBe('boom')
    expect(panicMessage('thread \'main\' panicked at x.rs:1:1:\nboom\n')).toBe('boom')
  })

  it('reads a panic in a thread other than main, with or without the thread id', () => {
    const stderr = `\nthread 'r1' panicked at rwlock/src/bin/poison.rs:22:13:\nreader gave up on "volume=5"\n${NOTE}\n\nthread 'w' panicked at rwlock/src/bin/poison.rs:40:13:\nwriter crashed mid-rewrite\n`
    expect(panicMessage(stderr)).toBe('reader gave up on "volume=5"')
    expect(panics(stderr).map(p => [p.thread, p.message])).toEqual([['r1', 'reader gave up on "volume=5"'], ['w', 'writer crashed mid-rewrite']])
    expect(firstPanic('thread \'<unnamed>\' (7) panicked at src/x.rs:5:9:\nboom\n')).toEqual({ thread: '<unnamed>', location: 'src/x.rs:5:9', message: 'boom' })
  })

  it('ends a message at the next panic when no note comes between', () => {
    const stderr = 'thread \'t\' panicked at a.rs:1:1:\nfirst\nthread \'main\' panicked at a.rs:9:9:\nsecond\n'
    expect(panics(stderr).map(p => p.message)).toEqual(['first', 'second'])
  })

  it('finds the panic after what the program printed, as in a failed test\'s section', () => {
    const section = '---- not a section stdout ----\n\nthread \'tests::odd\' panicked at refcell/src/bin/x.rs:40:9:\nRefCell already borrowed\n\n\n'
    expect(panicMessage(section)).toBe('RefCell already borrowed')
  })

  it('reads the quoted message of rustc before 1.73', () => {
    expect(firstPanic('thread \'main\' panicked at \'already borrowed: BorrowMutError\', src/main.rs:9:5\n'))
      .toEqual({ thread: 'main', location: 'src/main.rs:9:5', message: 'already borrowed: BorrowMutError' })
  })

  it('keeps colour codes a program put in its own message (the handler writes none)', () => {
    expect(panicMessage('thread \'main\' panicked at x.rs:1:1:\n\u001B[31mred\u001B[0m\n')).toBe('\u001B[31mred\u001B[0m')
  })

  it('returns null without a panic', () => {
    expect(panicMessage('error: something else')).toBeNull()
    expect(panicMessage('log: thread \'main\' panicked at x.rs:1:1:\nnot one\n')).toBeNull()
    expect(panicMessage('thread \'main\' panicked at nowhere\nboom\n')).toBeNull()
  })
})

describe('panic lines', () => {
  it('splits a header into thread, id and the rest', () => {
    expect(panicHeader('thread \'main\' (48213) panicked at /abs/x.rs:9:5:')).toEqual({ thread: 'main', threadId: '48213', rest: '/abs/x.rs:9:5:' })
    expect(panicHeader('thread \'main\' panicked at x.rs:9:5:')).toEqual({ thread: 'main', threadId: null, rest: 'x.rs:9:5:' })
    expect(panicHeader('  thread \'main\' panicked at x.rs:9:5:')).toBeNull()
    expect(formatPanicHeader('main', 'x.rs:9:5:')).toBe('thread \'main\' panicked at x.rs:9:5:')
  })

  it('knows a panic\'s first line, new or old style', () => {
    expect(isPanicLine('thread \'main\' (81) panicked at src/main.rs:9:5:')).toBe(true)
    expect(isPanicLine('thread \'main\' panicked at \'msg\', src/main.rs:9:5')).toBe(true)
    expect(isPanicLine('thread \'main\' panicked at src/main.rs:9:5')).toBe(false)
    expect(isPanicLine('index out of bounds')).toBe(false)
  })
})
