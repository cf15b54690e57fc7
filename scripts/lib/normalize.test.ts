import { describe, expect, it } from 'vitest'
import { normalizeCompilerOutput, normalizeStderr, normalizeStdout, normalizeTestOutput } from './normalize.ts'

const ROOT = '/home/me/kit/snippets'

describe('normalizeStdout', () => {
  it('keeps a program\'s own output as printed, look-alikes of toolchain text included', () => {
    const printed = [
      'finished in 1.25s',
      'test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.25s',
      'thread \'main\' (123) panicked at /home/me/kit/snippets/rc/src/bin/x.rs:1:1:',
      '/home/me/kit/snippets/rc/src/bin/x.rs',
      'line\r',
    ].join('\n')
    expect(normalizeStdout(printed)).toBe(printed)
  })
})

describe('normalizeStderr', () => {
  it('rewrites the panic handler\'s line: thread id gone, location relative', () => {
    expect(normalizeStderr(`thread 'main' (48213) panicked at ${ROOT}/refcell/src/bin/x.rs:9:5:\nalready borrowed\n`, [ROOT]))
      .toBe('thread \'main\' panicked at refcell/src/bin/x.rs:9:5:\nalready borrowed\n')
    expect(normalizeStderr('thread \'<unnamed>\' (7) panicked at rc/src/bin/x.rs:1:1:\n'))
      .toBe('thread \'<unnamed>\' panicked at rc/src/bin/x.rs:1:1:\n')
  })

  it('keeps what the program wrote to stderr itself', () => {
    const printed = [
      'finished in 1.25s',
      `reading ${ROOT}/rc/data.txt`,
      'log: thread \'main\' (123) panicked at nothing',
      'thread \'main\' (123) did not panic',
    ].join('\n')
    expect(normalizeStderr(printed, [ROOT])).toBe(printed)
  })
})

describe('normalizeTestOutput', () => {
  it('rewrites only the closing totals\' timing, the panic lines and libtest\'s notes', () => {
    const raw = [
      'running 2 tests',
      'test tests::a ... FAILED',
      'test tests::b ... FAILED',
      '',
      'failures:',
      '',
      '---- tests::a stdout ----',
      'finished in 1.25s',
      'test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.25s',
      '',
      `thread 'tests::a' (881) panicked at ${ROOT}/rc/src/bin/x.rs:20:9:`,
      'boom',
      '---- tests::b stdout ----',
      `note: test did not panic as expected at ${ROOT}/rc/src/bin/x.rs:30:8`,
      '',
      'test result: FAILED. 0 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.37s',
      '',
    ].join('\n')
    const lines = normalizeTestOutput(raw, [ROOT]).split('\n')
    expect(lines[7]).toBe('finished in 1.25s')
    expect(lines[8]).toBe('test result: ok. 1 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.25s')
    expect(lines[10]).toBe('thread \'tests::a\' panicked at rc/src/bin/x.rs:20:9:')
    expect(lines[13]).toBe('note: test did not panic as expected at rc/src/bin/x.rs:30:8')
    expect(lines[15]).toBe('test result: FAILED. 0 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s')
  })
})

describe('normalizeCompilerOutput', () => {
  it('removes the directory rustc compiled in, wherever rustc named it', () => {
    expect(normalizeCompilerOutput('error[E0499]: x\n --> /tmp/live-1/main.rs:3:1\n', ['/tmp/live-1'])).toBe('error[E0499]: x\n --> main.rs:3:1\n')
  })
})
