import { describe, expect, it } from 'vitest'
import { normalizeOutput, panicMessage } from './normalize.ts'

describe('normalizeOutput', () => {
  it('removes what varies between machines and runs', () => {
    const raw = 'thread \'main\' (48213) panicked at /home/me/kit/snippets/refcell/src/bin/x.rs:9:5:\r\nalready borrowed\r\ntest result: ok. 1 passed; 0 failed; 0 ignored; finished in 0.37s\n'
    expect(normalizeOutput(raw, ['/home/me/kit/snippets'])).toBe(
      'thread \'main\' panicked at refcell/src/bin/x.rs:9:5:\nalready borrowed\ntest result: ok. 1 passed; 0 failed; 0 ignored; finished in 0.00s\n',
    )
  })
})

describe('panicMessage', () => {
  it('reads the message under the location line, across lines', () => {
    const stderr = 'thread \'main\' panicked at refcell/src/bin/x.rs:9:5:\nalready borrowed: BorrowMutError\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n'
    expect(panicMessage(stderr)).toBe('already borrowed: BorrowMutError')
    expect(panicMessage('thread \'t1\' (77) panicked at a.rs:1:1:\nline one\nline two')).toBe('line one\nline two')
  })

  it('returns null without a panic', () => {
    expect(panicMessage('error: something else')).toBeNull()
  })
})
