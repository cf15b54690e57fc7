import type { CheckReport } from '../../scripts/lib/check.ts'
import type { KitCopy } from '../../scripts/lib/kit-copy.ts'
/**
 * The promises a snippet can make beyond "runs" and "compile-error", kept
 * and broken with real rustc runs on a copy of the kit: small snippets of
 * our own, added to a topic's crate for the occasion.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../scripts/lib/check.ts'
import { cachePath } from '../../scripts/lib/check/cache.ts'
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

const TEST_ONLY = 'snippets/refcell/fail/mock-needs-mut-test.rs'
/** Compiles as a program; its test module's mock pushes through \`&self\`, as the Rust Book's listing 15-21 does. */
const TEST_ONLY_SOURCE = `//! expect: compile-error (test) E0596
//! support: a mock that does not compile, only in its tests
pub trait Messenger {
    fn send(&self, message: &str);
}

struct Printer;

impl Messenger for Printer {
    fn send(&self, message: &str) {
        println!("{message}");
    }
}

fn main() {
    Printer.send("hello");
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Recorder {
        sent: Vec<String>,
    }

    impl Messenger for Recorder {
        fn send(&self, message: &str) {
            self.sent.push(String::from(message));
        }
    }

    #[test]
    fn records() {
        let recorder = Recorder { sent: vec![] };
        recorder.send("hello");
        assert_eq!(recorder.sent.len(), 1);
    }
}
`

const NO_CODE = 'snippets/generic-lifetimes/fail/outlives-no-code.rs'
/** An error rustc gives no code. */
const NO_CODE_SOURCE = `//! expect: compile-error "lifetime may not live long enough"
//! support: an error without a code
fn first<'a, 'b>(x: &'a str, y: &'b str) -> &'a str {
    if x.len() > y.len() { x } else { y }
}

fn main() {
    println!("{}", first("one", "three"));
}
`

const LET_CHAIN = 'snippets/rc/fail/let-chain.rs'
/** Edition 2024 code (a let chain) with a borrow error; in 2021 the let chain is an error too, which its header declares. */
const LET_CHAIN_SOURCE = `//! expect: compile-error E0499
//! expect-2021: compile-error E0499 "let chains are only allowed in Rust 2024 or later"
//! support: edition 2024 code with a borrow error
fn main() {
    let mut v = vec![1];
    let a = &mut v;
    if let Some(x) = v.first_mut()
        && *x > 0
    {
        *x += 1;
    }
    a.push(2);
}
`

const CAPTURES = 'snippets/generic-lifetimes/src/bin/captures.rs'
/** Compiles on edition 2024, which captures every lifetime in scope; E0700 on 2021. */
const CAPTURES_SOURCE = `//! expect: runs
//! expect-2021: compile-error E0700
//! support: an impl Trait return type that captures a borrow
fn lengths(words: &[String]) -> impl Iterator<Item = usize> {
    words.iter().map(String::len)
}

fn main() {
    let words = vec![String::from("borrow")];
    println!("{:?}", lengths(&words).collect::<Vec<_>>());
}
`

const UNUSED = 'snippets/rc/src/bin/unused.rs'
/** A program with a variable it never uses, which its header allows. */
const UNUSED_SOURCE = `//! expect: runs (output varies)
//! allow: unused_variables
//! support: a program with a variable it never uses
fn main() {
    let unused = 5;
    println!("hello");
}
`

const ANY_ERROR = 'snippets/rc/fail/any-error.rs'
/** rustdoc's `compile_fail`: any error keeps it. */
const ANY_ERROR_SOURCE = `//! expect: compile-error
//! support: any compile error
fn main() {
    let s = String::from("moved");
    let t = s;
    println!("{s} {t}");
}
`

const ANY_PANIC = 'snippets/rc/src/bin/any-panic.rs'
/** rustdoc's \`should_panic\`: any panic keeps it. */
const ANY_PANIC_SOURCE = `//! expect: panics
//! support: any panic
fn main() {
    let v: Vec<u8> = Vec::new();
    println!("{}", v[v.len()]);
}
`

const NEVER_ENDS = 'snippets/rc/src/bin/never-ends.rs'
/** rustdoc's \`no_run\`: compiled, never run (it would never end). */
const NEVER_ENDS_SOURCE = `//! expect: builds
//! support: a loop that never ends
fn main() {
    let mut n = 0u64;
    loop {
        n = n.wrapping_add(1);
        std::thread::sleep(std::time::Duration::from_millis(n % 10));
    }
}
`

const FRAGMENT = 'snippets/rc/fail/fragment.rs'
/** rustdoc's \`ignore\`: a fragment that is not Rust at all, shown and never judged. */
const FRAGMENT_SOURCE = `//! expect: ignore
//! support: part of a longer program
impl Drop for Wrapper {
    fn drop(&mut self) { ... }
}
`

const OWN_EDITION = 'snippets/rc/src/bin/own-edition.rs'
/** A program of edition 2021 in a 2024 crate, through its own \`[[bin]]\` entry. */
const OWN_EDITION_SOURCE = `//! expect: runs (output varies)
//! edition: 2021
//! support: a 2021 program in a 2024 crate
fn main() {
    for word in ["owned", "kept"] {
        println!("{word}");
    }
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
  await kit.write(TEST_ONLY, TEST_ONLY_SOURCE)
  await kit.write(NO_CODE, NO_CODE_SOURCE)
  await kit.write(LET_CHAIN, LET_CHAIN_SOURCE)
  await kit.write(UNUSED, UNUSED_SOURCE)
  await kit.write(ANY_ERROR, ANY_ERROR_SOURCE)
  await kit.write(ANY_PANIC, ANY_PANIC_SOURCE)
  await kit.write(NEVER_ENDS, NEVER_ENDS_SOURCE)
  await kit.write(FRAGMENT, FRAGMENT_SOURCE)
  await kit.write(OWN_EDITION, OWN_EDITION_SOURCE)
  await kit.write('snippets/rc/Cargo.toml', `${await kit.read('snippets/rc/Cargo.toml')}\n[[bin]]\nname = "rc-own-edition"\npath = "src/bin/own-edition.rs"\nedition = "2021"\n`)
  await kit.write(CAPTURES, CAPTURES_SOURCE)
  await kit.write('snippets/generic-lifetimes/expected/captures.stdout', '[6]\n')
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
      await kit.write(TEST_ONLY, TEST_ONLY_SOURCE)
      await kit.write(NO_CODE, NO_CODE_SOURCE)
      await kit.write(LET_CHAIN, LET_CHAIN_SOURCE)
      await kit.write(UNUSED, UNUSED_SOURCE)
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

describe('compile-error (test) E0596', () => {
  it('is kept when it compiles as a program and fails with the codes only for tests', () => {
    const r = result(report, 'refcell/mock-needs-mut-test')
    expect(r.failures).toEqual([])
    expect(r.diagnostics.filter(d => d.level === 'error').map(d => d.code)).toEqual(['E0596'])
  })

  it('is broken when the program itself does not compile', async () => {
    const r = result(await checkWith(TEST_ONLY, TEST_ONLY_SOURCE.replace('Printer.send("hello");', 'Printer.send(1);')), 'refcell/mock-needs-mut-test')
    expect(r.failures).toEqual([expect.stringMatching(new RegExp(`^${TEST_ONLY}:1: expected compile-error \\(test\\) E0596, but it does not compile as a program either\n  ${TEST_ONLY}:16: E0308: mismatched types`))])
  })

  it('is broken when the tests compile too', async () => {
    const r = result(await checkWith(TEST_ONLY, TEST_ONLY_SOURCE.replace('self.sent.push(String::from(message));', 'let _ = (&self.sent, message);')), 'refcell/mock-needs-mut-test')
    expect(r.failures[0]).toMatch(new RegExp(`^${TEST_ONLY}:1: expected compile-error \\(test\\) E0596, but it compiled for tests too`))
  })
})

describe('compile-error "message"', () => {
  it('matches an error without a code on its message', () => {
    const r = result(report, 'generic-lifetimes/outlives-no-code')
    expect(r.failures).toEqual([])
    expect(r.diagnostics.map(d => d.message)).toContain('lifetime may not live long enough')
  })

  it('is broken when no error has the message', async () => {
    const r = result(await checkWith(NO_CODE, NO_CODE_SOURCE.replace('"lifetime may not live long enough"', '"borrowed value does not live long enough"')), 'generic-lifetimes/outlives-no-code')
    expect(r.failures).toEqual([`${NO_CODE}:1: expected an error whose message contains "borrowed value does not live long enough", rustc gave\n  ${NO_CODE}:4: error: lifetime may not live long enough`])
  })
})

describe('editions: 2024, and 2021 judged too', () => {
  it('compiles and formats a snippet in 2024, and holds it to its declared 2021 outcome', () => {
    const r = result(report, 'rc/let-chain')
    expect(r.failures).toEqual([])
    expect(r.notes).toEqual([])
    expect(r.edition).toBe('2024')
    expect(r.other).toMatchObject({ edition: '2021', declared: true, compiled: false })
    expect(r.other!.diagnostics.map(d => d.code)).toEqual([null, 'E0499'])
  })

  it('runs a program under 2021 too, and keeps a declared E0700 there', () => {
    const r = result(report, 'generic-lifetimes/captures')
    expect(r.failures).toEqual([])
    expect(r.run?.stdout).toBe('[6]\n')
    expect(r.other).toMatchObject({ edition: '2021', declared: true, compiled: false, run: null })
    expect(r.other!.diagnostics.map(d => d.code)).toEqual(['E0700'])
  })

  it('fails a program that is E0700 on 2021 but promises only `runs`, naming it and edition 2021', async () => {
    const r = result(await checkWith(CAPTURES, CAPTURES_SOURCE.replace('//! expect-2021: compile-error E0700\n', '')), 'generic-lifetimes/captures')
    expect(r.failures).toHaveLength(1)
    expect(r.failures[0]).toMatch(new RegExp(`^${CAPTURES}:1: generic-lifetimes/captures under edition 2021 does not keep its promise \`runs\`: it gives \`compile-error E0700\`; if that is meant, declare it in the header: \`//! expect-2021: compile-error E0700\`\n  ${CAPTURES}:4: under edition 2021: error\\[E0700\\]: hidden type`))
  })

  it('fails a wrong declaration at its own line', async () => {
    const r = result(await checkWith(CAPTURES, CAPTURES_SOURCE.replace('expect-2021: compile-error E0700', 'expect-2021: compile-error E0502')), 'generic-lifetimes/captures')
    expect(r.failures[0]).toMatch(new RegExp(`^${CAPTURES}:2: under edition 2021: expected error code E0502, rustc gave E0700`))
  })

  it('fails a declared difference that is not one when the output is the same', async () => {
    const r = result(await checkWith(UNUSED, UNUSED_SOURCE.replace('//! allow', '//! expect-2021: panics "boom"\n//! allow')), 'rc/unused')
    expect(r.failures).toEqual([`${UNUSED}:2: under edition 2021: expected panics "boom", but it exited with 0 without panicking`])
  })

  it('with `edition: 2021`, the let chain is refused by rustc and rustfmt alike', async () => {
    const r = result(await checkWith(LET_CHAIN, LET_CHAIN_SOURCE.replace('//! expect-2021: compile-error E0499 "let chains are only allowed in Rust 2024 or later"', '//! edition: 2021')), 'rc/let-chain')
    expect(r.failures.slice(0, 2)).toEqual([
      `${LET_CHAIN}:1: expected compile-error E0499, but rustc also gave an error without a code, which only a quoted message can promise\n  ${LET_CHAIN}:7: error: let chains are only allowed in Rust 2024 or later`,
      `${LET_CHAIN}:7: rustfmt (edition 2021) cannot parse it: let chains are only allowed in Rust 2024 or later`,
    ])
  })

  it('fails a slide that shows such a snippet without saying which edition it shows, at the line showing it', async () => {
    const deck = 'slides/mutex.md'
    const text = await kit.read(deck)
    const line = text.split('\n').findIndex(l => l.includes('guard-temporaries.rs#temporaries')) + 1
    const r = await checkWith(deck, text.replace('<EditionContrast snippet="mutex/guard-temporaries" />', ''))
    expect(r.problems).toContain(`${deck}:${line}: shows mutex/guard-temporaries, which behaves differently under edition 2021 (snippets/mutex/src/bin/guard-temporaries.rs:2); say which edition the slide shows and what the other does: add <EditionContrast snippet="mutex/guard-temporaries" /> to this slide`)
  })

  it('names the crate when a program\'s edition is not its crate\'s', async () => {
    const r = result(await checkWith(UNUSED, UNUSED_SOURCE.replace('//! allow', '//! edition: 2021\n//! allow')), 'rc/unused')
    expect(r.failures[0]).toBe(`${UNUSED}:2: \`edition: 2021\`, but snippets/rc/Cargo.toml builds its programs with edition 2024; give this program a \`[[bin]]\` entry with \`edition = "2021"\` (\`npm run import\` writes one), make the two agree, or put a snippet that must not compile in fail/, where it is compiled alone`)
  })

  it('keeps a program\'s own edition through its `[[bin]]` entry', () => {
    const r = result(report, 'rc/own-edition')
    expect(r.failures).toEqual([])
    expect(r.notes).toEqual(['edition 2021'])
  })

  it('names the `[[bin]]` entry when the header disagrees with it', async () => {
    const r = result(await checkWith(OWN_EDITION, OWN_EDITION_SOURCE.replace('//! edition: 2021\n', '')), 'rc/own-edition')
    expect(r.failures[0]).toBe(`${OWN_EDITION}:1: edition 2024 (the default), but its \`[[bin]]\` entry in snippets/rc/Cargo.toml builds it with edition 2021; make the two agree`)
  })
})

describe('promises for what authors say: compile-error, panics, builds, ignore', () => {
  it('keeps `compile-error` with no code on any error, and records the codes', () => {
    const r = result(report, 'rc/any-error')
    expect(r.failures).toEqual([])
    expect(r.notes).toEqual(['rustc gave E0382 (any compile error keeps this promise; the codes are for information)'])
  })

  it('breaks it when the code compiles', async () => {
    const r = result(await checkWith(ANY_ERROR, ANY_ERROR_SOURCE.replace('    let t = s;\n', '    let t = s.clone();\n')), 'rc/any-error')
    expect(r.failures).toEqual([`${ANY_ERROR}:1: expected compile-error, but it compiled; a broken example that compiles teaches the wrong lesson`])
  })

  it('keeps `panics` with no message on any panic, and says which', () => {
    const r = result(report, 'rc/any-panic')
    expect(r.failures).toEqual([])
    expect(r.notes).toEqual(['it panicked with "index out of bounds: the len is 0 but the index is 0" (any panic keeps this promise)'])
  })

  it('breaks it when the program does not panic', async () => {
    const r = result(await checkWith(ANY_PANIC, ANY_PANIC_SOURCE.replace('v[v.len()]', 'v.len()')), 'rc/any-panic')
    expect(r.failures).toEqual([`${ANY_PANIC}:1: expected panics, but it exited with 0 without panicking`])
  })

  it('compiles `builds` lint-clean and never runs it', async () => {
    const r = result(report, 'rc/never-ends')
    expect(r).toMatchObject({ status: 'passed', failures: [], run: null, command: 'cargo build --bin never-ends' })
    const linted = result(await checkWith(NEVER_ENDS, NEVER_ENDS_SOURCE.replace('    let mut n = 0u64;\n', '    let mut n = 0u64;\n    let spare = 1;\n')), 'rc/never-ends')
    expect(linted.failures[0]).toMatch(/^snippets\/rc\/src\/bin\/never-ends\.rs:5: warning: unused variable: `spare` \(denied/)
  })

  it('shows `ignore` as written, never judges it, and lists it as unjudged', () => {
    const r = result(report, 'rc/fragment')
    expect(r).toMatchObject({ status: 'unjudged', failures: [], run: null, diagnostics: [] })
    expect(report.unjudged).toEqual(['rc/fragment'])
    expect(report.problems).toEqual([])
  })

  it('gives one error, and only one, for one malformed header', async () => {
    // The program still builds with its crate and raises a lint its header would allow:
    // a snippet whose header cannot be read is not support code.
    // The crate's programs judged afresh, so the workspace build (where
    // support code is told apart) runs; the other crates' captures are kept.
    const cache = JSON.parse(await readFile(cachePath(kit.root), 'utf8')) as { entries: Record<string, unknown> }
    const crate = `${UNUSED.split('/')[1]}/`
    const dropped = Object.keys(cache.entries).filter(id => id.startsWith(crate))
    expect(dropped.length).toBeGreaterThan(1)
    for (const id of dropped)
      delete cache.entries[id]
    await writeFile(cachePath(kit.root), JSON.stringify(cache))
    const broken = await checkWith(UNUSED, UNUSED_SOURCE.replace('runs (output varies)', 'panics boom'))
    expect(broken.problems).toEqual([`${UNUSED}:1: \`panics\` takes nothing (any panic) or the expected message in double quotes, e.g. \`panics "already borrowed"\`, not \`boom\``])
  })
})

describe('allow: <lints>', () => {
  it('lets a program trigger the lints it names, says so, and leaves them off the slide', () => {
    const r = result(report, 'rc/unused')
    expect(r.failures).toEqual([])
    expect(r.notes).toEqual(['allowed by its header: unused_variables (1 raised); every other lint stays denied'])
    expect(r.diagnostics).toEqual([])
    expect(r.run?.stdout).toBe('hello\n')
  })

  it('keeps every other lint denied', async () => {
    const r = result(await checkWith(UNUSED, UNUSED_SOURCE.replace('//! allow: unused_variables', '//! allow: dead_code')), 'rc/unused')
    expect(r.failures).toEqual([`${UNUSED}:5: warning: unused variable: \`unused\` (denied; \`//! allow: unused_variables\` would allow it)`])
  })
})

describe('--update', () => {
  it('says per snippet what changed since the last check: codes, wording, verdict', async () => {
    await runCheck({ root: kit.root })
    const before = await kit.read(LET_CHAIN)
    await kit.write(LET_CHAIN, LET_CHAIN_SOURCE.replace('//! expect-2021: compile-error E0499 "let chains are only allowed in Rust 2024 or later"', '//! edition: 2021').replace('a.push(2);', 'a.push(2);\n    let _ = &v as &dyn std::fmt::Display;'))
    try {
      const r = await runCheck({ root: kit.root, update: true })
      // The type error now stops rustc before borrow checking: E0499 is gone.
      expect(r.updated).toEqual([
        'changed rc/let-chain: error codes +E0277 -E0499',
        'changed rc/let-chain: message gone: "E0499: cannot borrow `v` as mutable more than once at a time"',
        'changed rc/let-chain: message new: "let chains are only allowed in Rust 2024 or later"',
        'changed rc/let-chain: message new: "E0277: `Vec<i32>` doesn\'t implement `std::fmt::Display`"',
        'changed rc/let-chain: now breaks its promise',
      ])
    }
    finally {
      await kit.write(LET_CHAIN, before)
    }
  })
})
