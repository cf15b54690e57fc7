import type { CheckReport } from '../../scripts/lib/check.ts'
import type { KitCopy } from '../../scripts/lib/kit-copy.ts'
/**
 * `npm run import` on small projects of our own in the Rust Book's format
 * (a cargo project with its recorded `output.txt`, or one file and a
 * transcript), into a copy of the kit; then the check judges what it wrote.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../scripts/lib/check.ts'
import { copyKit, KIT_ROOT } from '../../scripts/lib/kit-copy.ts'

const exec = promisify(execFile)
const tsx = join(KIT_ROOT, 'node_modules', '.bin', 'tsx')
const cli = join(KIT_ROOT, 'scripts', 'import.ts')

let kit: KitCopy
let material: string
let report: CheckReport
const said: Record<string, string> = {}

/** A program with a variable it never uses, and what \`cargo run\` printed. */
const STEPS_MAIN = `fn main() {
    let unused = 3;
    for i in 1..=2 {
        println!("step {i}");
    }
}
`
const STEPS_OUTPUT = `$ cargo run
   Compiling steps v0.1.0 (file:///projects/steps)
warning: unused variable: \`unused\`
 --> src/main.rs:2:9
  |
  = note: \`#[warn(unused_variables)]\` on by default

    Finished \`dev\` profile [unoptimized + debuginfo] target(s) in 0.20s
     Running \`target/debug/steps\`
step 1
step 2
`

/** A library whose test fails, recorded on an older rustc whose message was another. */
const OUTBOX_LIB = `use std::cell::RefCell;

pub struct Outbox {
    pub sent: RefCell<Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_writers() {
        let outbox = Outbox {
            sent: RefCell::new(vec![]),
        };
        let mut one = outbox.sent.borrow_mut();
        let mut two = outbox.sent.borrow_mut();
        one.push(String::from("a"));
        two.push(String::from("b"));
    }
}
`
const OUTBOX_OUTPUT = `$ cargo test
   Compiling outbox v0.1.0 (file:///projects/outbox)
    Finished \`test\` profile [unoptimized + debuginfo] target(s) in 0.50s
     Running unittests src/lib.rs (target/debug/deps/outbox-0123456789abcdef)

running 1 test
test tests::two_writers ... FAILED

failures:

---- tests::two_writers stdout ----
thread 'tests::two_writers' panicked at 'already borrowed: BorrowMutError', src/lib.rs:17:35
note: run with \`RUST_BACKTRACE=1\` environment variable to display a backtrace


failures:
    tests::two_writers

test result: FAILED. 0 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

error: test failed, to rerun pass \`--lib\`
`

/** One file that must not compile, with its transcript beside it. */
const TWO_WRITERS = `fn main() {
    let mut s = String::new();
    let a = &mut s;
    let b = &mut s;
    a.push('a');
    b.push('b');
}
`
const TWO_WRITERS_OUTPUT = `$ cargo run
   Compiling two v0.1.0 (file:///projects/two)
error[E0499]: cannot borrow \`s\` as mutable more than once at a time
 --> src/main.rs:4:13

For more information about this error, try \`rustc --explain E0499\`.
error: could not compile \`two\` (bin "two") due to 1 previous error
`

async function project(name: string, edition: string, file: string, source: string, output: string): Promise<string> {
  const dir = join(material, name)
  await mkdir(join(dir, 'src'), { recursive: true })
  await writeFile(join(dir, 'Cargo.toml'), `[package]\nname = "${name}"\nversion = "0.1.0"\nedition = "${edition}"\n\n[dependencies]\n`)
  await writeFile(join(dir, 'src', file), source)
  await writeFile(join(dir, 'output.txt'), output)
  return dir
}

async function importing(args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
  return exec(tsx, [cli, ...args, '--root', kit.root]).then(
    r => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number, stdout: string, stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  )
}

function result(id: string) {
  const found = report.snippets.find(s => s.id === id)
  if (!found)
    throw new Error(`no snippet ${id}; problems: ${report.problems.join('\n')}`)
  return found
}

beforeAll(async () => {
  kit = await copyKit()
  material = await mkdtemp(join(tmpdir(), 'lesson-material-'))
  const steps = await project('steps', '2021', 'main.rs', STEPS_MAIN, STEPS_OUTPUT)
  const outbox = await project('outbox', '2024', 'lib.rs', OUTBOX_LIB, OUTBOX_OUTPUT)
  await writeFile(join(material, 'two.rs'), TWO_WRITERS)
  await writeFile(join(material, 'two.txt'), TWO_WRITERS_OUTPUT)
  for (const [key, args] of [
    ['steps', [steps, '--topic', 'rc']],
    ['outbox', [outbox, '--topic', 'refcell', '--name', 'outbox-mock']],
    ['two', [join(material, 'two.rs'), '--topic', 'concrete-lifetimes', '--output', join(material, 'two.txt')]],
  ] as const) {
    const r = await importing([...args])
    expect(r.stderr.split('\n').filter(l => l && !l.startsWith('npm warn'))).toEqual([])
    said[key] = r.stdout
  }
  report = await runCheck({ root: kit.root })
}, 600_000)

afterAll(async () => {
  await kit?.remove()
  if (material)
    await rm(material, { recursive: true, force: true })
})

describe('npm run import', () => {
  it('imports a `cargo run` with its output: runs, the stdout written, the unused variable allowed and said why', async () => {
    expect(said.steps).toContain('import: wrote snippets/rc/src/bin/steps.rs: runs (snippet rc/steps)')
    expect(said.steps).toContain('import: wrote snippets/rc/expected/steps.stdout: the stdout the transcript recorded')
    expect(said.steps).toContain('allowed unused_variables: the transcript shows it as a warning')
    expect(said.steps).toContain('the material is edition 2021, but programs in snippets/rc/ build with their crate\'s edition 2024')
    expect(await kit.read('snippets/rc/expected/steps.stdout')).toBe('step 1\nstep 2\n')
    const r = result('rc/steps')
    expect(r.failures).toEqual([])
    expect(r.notes).toEqual(['allowed by its header: unused_variables (1 raised); every other lint stays denied'])
  })

  it('imports a failing test as test-fails, and the check tells that this rustc words the panic otherwise', () => {
    expect(said.outbox).toContain('test-fails "already borrowed: BorrowMutError"')
    expect(said.outbox).toContain('it was a library: an empty `fn main() {}` was added')
    // Its items are public, so the program raises no lint and nothing is allowed.
    expect(said.outbox).not.toContain('allowed')
    const r = result('refcell/outbox-mock')
    expect(r.failures).toEqual([expect.stringMatching(/^snippets\/refcell\/src\/bin\/outbox-mock\.rs:3: expected test-fails "already borrowed: BorrowMutError", but no failing test's message contains it:\n {4}tests::two_writers failed: "RefCell already borrowed"$/)])
  })

  it('imports one file that must not compile into fail/, with its codes', () => {
    expect(said.two).toContain('import: wrote snippets/concrete-lifetimes/fail/two.rs: compile-error E0499')
    expect(result('concrete-lifetimes/two').failures).toEqual([])
  })

  it('refuses unknown options and an existing snippet, and has --help', async () => {
    const help = await importing(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/Usage: npm run import -- <path> --topic <id>/)
    const unknown = await importing([material, '--topic', 'rc', '--force'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('import: unknown option --force')
    const again = await importing([join(material, 'steps'), '--topic', 'rc'])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('import: snippets/rc/src/bin/steps.rs exists; pass another --name')
  })
})
