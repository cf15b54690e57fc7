import type { CheckReport } from '../../scripts/lib/check.ts'
import type { KitCopy } from '../../scripts/lib/kit-copy.ts'
/**
 * The promises a snippet can make beyond "runs" and "compile-error", kept
 * and broken with real rustc runs on a copy of the kit: small snippets of
 * our own, added to a topic's crate for the occasion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../scripts/lib/check.ts'
import { copyKit } from '../../scripts/lib/kit-copy.ts'

let kit: KitCopy
let report: CheckReport

const MOCK = 'snippets/refcell/src/bin/mock-borrow.rs'
/** A test that fails on purpose, as the Rust Book's mock in listing 15-23 does. */
const MOCK_SOURCE = `//! expect: test-fails "already borrowed"
//! support: a test that fails on purpose
use std::cell::RefCell;

#[derive(Default)]
struct Outbox {
    sent: RefCell<Vec<String>>,
}

impl Outbox {
    fn send(&self, message: &str) {
        self.sent.borrow_mut().push(message.to_string());
    }
}

fn main() {
    let outbox = Outbox::default();
    outbox.send("hello");
    println!("{} sent", outbox.sent.borrow().len());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starts_empty() {
        assert!(Outbox::default().sent.borrow().is_empty());
    }

    #[test]
    fn two_writers_at_once() {
        println!("finished in 1.25s");
        let outbox = Outbox::default();
        let mut first = outbox.sent.borrow_mut();
        let mut second = outbox.sent.borrow_mut();
        first.push(String::from("one"));
        second.push(String::from("two"));
    }
}
`

const LOOK_ALIKE = 'snippets/rc/src/bin/look-alike.rs'
/** A program printing text that looks like what the toolchain adds, which must reach the slide as printed. */
const LOOK_ALIKE_SOURCE = `//! expect: runs (output varies)
//! support: prints text that looks like what the toolchain adds
use std::env;

fn main() {
    let here = env::current_dir().expect("a working directory");
    println!("finished in 1.25s");
    println!("test result: ok. 1 passed; 0 failed; finished in 1.25s");
    println!(
        "thread 'main' (123) panicked at {}/x.rs:1:1:",
        here.display()
    );
    eprintln!("finished in 1.25s");
    eprintln!("{}/rc/src/bin/look-alike.rs", here.display());
}
`

const POST_MONO = 'snippets/box/fail/post-mono.rs'
/** Passes type checking; only the full compile evaluates the assertion for \`()\` and fails with E0080. */
const POST_MONO_SOURCE = `//! expect: compile-error E0080
//! support: an error rustc raises only when it generates code
struct Check<T>(T);

impl<T> Check<T> {
    const NOT_ZERO_SIZED: () = assert!(std::mem::size_of::<T>() > 0, "zero-sized");
}

fn check<T>(value: T) -> T {
    let () = Check::<T>::NOT_ZERO_SIZED;
    value
}

fn main() {
    check(1u8);
    check(());
}
`

function result(r: CheckReport, id: string) {
  const found = r.snippets.find(s => s.id === id)
  if (!found)
    throw new Error(`no snippet ${id} in the report; problems: ${r.problems.join('\n')}`)
  return found
}

/** Writes a file in the copy, runs the check, and puts the file back as it was. */
async function checkWith(path: string, text: string): Promise<CheckReport> {
  const before = await kit.read(path)
  await kit.write(path, text)
  try {
    return await runCheck({ root: kit.root })
  }
  finally {
    await kit.write(path, before)
  }
}

beforeAll(async () => {
  kit = await copyKit()
  await kit.write(MOCK, MOCK_SOURCE)
  await kit.write(LOOK_ALIKE, LOOK_ALIKE_SOURCE)
  await kit.write(POST_MONO, POST_MONO_SOURCE)
  report = await runCheck({ root: kit.root })
}, 600_000)

afterAll(async () => {
  await kit?.remove()
})

describe('normalisation leaves a program\'s own output alone', () => {
  it('keeps look-alikes of timings, thread ids and paths a program printed', () => {
    const r = result(report, 'rc/look-alike')
    expect(r.failures).toEqual([])
    const here = `${kit.root}/snippets`
    expect(r.run?.stdout).toBe(`finished in 1.25s\ntest result: ok. 1 passed; 0 failed; finished in 1.25s\nthread 'main' (123) panicked at ${here}/x.rs:1:1:\n`)
    expect(r.run?.stderr).toBe(`finished in 1.25s\n${here}/rc/src/bin/look-alike.rs\n`)
  })

  it('rewrites only the test runner\'s own timing and thread ids in test output', () => {
    const output = result(report, 'refcell/mock-borrow').tests!.output
    expect(output).toContain('\n---- tests::two_writers_at_once stdout ----\nfinished in 1.25s\n')
    expect(output).toMatch(/\nthread 'tests::two_writers_at_once' panicked at refcell\/src\/bin\/mock-borrow\.rs:\d+:\d+:\n/)
    expect(output).toMatch(/\ntest result: FAILED\. 1 passed; 1 failed; .*; finished in 0\.00s\n/)
  })

  it('rewrites a real panic line\'s thread id', () => {
    const panicking = report.snippets.find(s => s.expectation.kind === 'panics' && s.run)!
    expect(panicking.run!.stderr).toMatch(/^thread '[^']+' panicked at [\w-]+\/src\/bin\/[\w-]+\.rs:\d+:\d+:$/m)
  })
})

describe('must-not-compile means the full compile', () => {
  it('finds an error raised at monomorphization (E0080 from a const assertion)', () => {
    const r = result(report, 'box/post-mono')
    expect(r.failures).toEqual([])
    expect(r.diagnostics.filter(d => d.level === 'error').map(d => d.code)).toEqual(['E0080'])
    expect(r.diagnostics[0]!.message).toContain('zero-sized')
  })

  it('calls it compiling only when the full compile succeeds, and caches the verdict', async () => {
    const lines: string[] = []
    const compiles = POST_MONO_SOURCE.replace('check(());', 'check(2u16);')
    await kit.write(POST_MONO, compiles)
    try {
      const first = await runCheck({ root: kit.root })
      expect(result(first, 'box/post-mono').failures).toEqual([`${POST_MONO}:1: expected compile-error E0080, but it compiled; a broken example that compiles teaches the wrong lesson`])
      const again = await runCheck({ root: kit.root, log: line => lines.push(line) })
      expect(result(again, 'box/post-mono').failures).toEqual(result(first, 'box/post-mono').failures)
      expect(lines).toContainEqual(expect.stringMatching(/^\d+ unchanged since the last check, 0 to run$/))
    }
    finally {
      await kit.write(POST_MONO, POST_MONO_SOURCE)
    }
  })
})

describe('test-fails "message"', () => {
  it('is kept when a test fails with the message, and reports the other tests', () => {
    const r = result(report, 'refcell/mock-borrow')
    expect(r.failures).toEqual([])
    expect(r.status).toBe('passed')
    expect(r.command).toBe('cargo test --bin mock-borrow')
    expect(r.notes).toEqual([
      'failed as promised: tests::two_writers_at_once failed: "RefCell already borrowed"',
      'its other tests: tests::starts_empty passed',
    ])
    expect(r.run).toBeNull()
  })

  it('is broken when no failing test has the message, naming the file and line', async () => {
    const r = result(await checkWith(MOCK, MOCK_SOURCE.replace('"already borrowed"', '"BorrowMutError"')), 'refcell/mock-borrow')
    expect(r.failures).toEqual([
      `${MOCK}:1: expected test-fails "BorrowMutError", but no failing test's message contains it:\n    tests::two_writers_at_once failed: "RefCell already borrowed"`,
    ])
  })

  it('is broken when every test passes', async () => {
    const fixed = MOCK_SOURCE.replace('let mut second = outbox.sent.borrow_mut();\n        first.push(String::from("one"));', 'first.push(String::from("one"));\n        drop(first);\n        let mut second = outbox.sent.borrow_mut();')
    const r = result(await checkWith(MOCK, fixed), 'refcell/mock-borrow')
    expect(r.failures).toEqual([`${MOCK}:1: expected test-fails "already borrowed", but all 2 of its tests passed`])
  })
})
