/**
 * `npx tsx scripts/bench-check.ts [--rounds N]`
 *
 * How fast is `npm run check`, against what a person would run without it?
 * On cold copies of the kit (no target/, no cache) it measures, in one run:
 *
 *   baseline  bare `cargo test --workspace`, plus `rustc` on each
 *             must-not-compile snippet one after another, as a person
 *             would run it (a full compile, in the snippet's edition,
 *             `--test` for a `compile-error (test)` one)
 *   cold      the check from nothing
 *   warm      the check again, nothing changed: time inside the check (target ≤ 0.5 s)
 *   one       the check after one program changed
 *
 * and prints each figure with its ratio to the baseline (target: cold ≤ 1.3×).
 */
import { join } from 'node:path'
import { LessonError } from '../core/errors.ts'
import { runCheck } from './lib/check.ts'
import { defineCommand } from './lib/command.ts'
import { copyKit } from './lib/kit-copy.ts'
import { run } from './lib/process.ts'
import { discoverSnippets } from './lib/snippets.ts'

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function timed<T>(label: string, work: () => Promise<T>): Promise<number> {
  process.stderr.write(`bench: ${label}…\n`)
  const t0 = performance.now()
  await work()
  return performance.now() - t0
}

/** A plain `cargo test --workspace` and `rustc` on each must-not-compile snippet, in a cold copy. */
async function measureBaseline(): Promise<{ cargoTest: number, rustcFails: number }> {
  const bare = await copyKit({ cold: true })
  try {
    const workspace = join(bare.root, 'snippets')
    const fails = (await discoverSnippets(bare.root)).snippets.filter(s => s.place === 'fail')
    const cargoTest = await timed('bare cargo test --workspace (cold)', async () => {
      const r = await run('cargo', ['test', '--workspace', '--quiet'], { cwd: workspace, env: { ...process.env, CARGO_TARGET_DIR: join(workspace, 'target') } })
      if (r.exitCode !== 0)
        throw new Error(`cargo test failed:\n${r.stderr}`)
    })
    const rustcFails = await timed(`bare rustc on ${fails.length} must-not-compile snippets`, async () => {
      for (const s of fails) {
        const test = s.expectation.kind === 'compile-error' && s.expectation.test
        const file = s.path.replace(/^.*\/snippets\//, '')
        const out = ['--out-dir', join(workspace, 'target', 'bare-fail')]
        if (test)
          await run('rustc', ['--edition', s.edition, '--crate-type', 'bin', '--crate-name', 'snippet', ...out, file], { cwd: workspace })
        await run('rustc', ['--edition', s.edition, ...(test ? ['--test'] : ['--crate-type', 'bin']), '--crate-name', 'snippet', ...out, file], { cwd: workspace })
      }
    })
    return { cargoTest, rustcFails }
  }
  finally {
    await bare.remove()
  }
}

async function main(roundsText: string): Promise<void> {
  const rounds = Number(roundsText)
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new LessonError(`--rounds ${roundsText} is not a whole number of rounds (1 or more)`)
  let kit = await copyKit({ cold: true })
  try {
    const { snippets } = await discoverSnippets(kit.root)
    const fails = snippets.filter(s => s.place === 'fail')
    let inside = 0
    const assertGreen = async () => {
      const r = await runCheck({ root: kit.root })
      if (r.failed)
        throw new Error(`the check failed in the copy (${r.failed}); benchmark a green kit`)
      inside = r.durationMs
    }
    // On a shared machine the load drifts between measurements minutes
    // apart: with several rounds the order alternates and each figure is
    // the fastest of its rounds.
    let cargoTest = Infinity
    let rustcFails = Infinity
    let cold = Infinity
    for (let round = 0; round < rounds; round++) {
      if (round > 0) {
        await kit.remove()
        kit = await copyKit({ cold: true })
      }
      const checkFirst = round % 2 === 1
      if (checkFirst)
        cold = Math.min(cold, await timed(`check, cold (round ${round + 1})`, assertGreen))
      const b = await measureBaseline()
      cargoTest = Math.min(cargoTest, b.cargoTest)
      rustcFails = Math.min(rustcFails, b.rustcFails)
      if (!checkFirst)
        cold = Math.min(cold, await timed(`check, cold (round ${round + 1})`, assertGreen))
    }
    const baseline = cargoTest + rustcFails
    const warm = await timed('check, nothing changed', assertGreen)
    const warmInside = inside
    const program = snippets.find(s => s.place === 'bin' && s.expectation.kind === 'runs')!
    await kit.write(program.file, `${await kit.read(program.file)}\n// a comment that changes the content hash\n`)
    const one = await timed(`check, ${program.id} changed`, assertGreen)

    const rows: [string, number, string][] = [
      ['bare cargo test --workspace', cargoTest, ''],
      [`bare rustc × ${fails.length} must-not-compile`, rustcFails, ''],
      ['baseline (sum)', baseline, '1.00×'],
      ['check, cold', cold, `${(cold / baseline).toFixed(2)}× baseline (target ≤ 1.3×)`],
      ['check, warm, nothing changed', warm, `${(warm / baseline).toFixed(3)}× baseline`],
      ['  of which inside the check', warmInside, 'target ≤ 0.5 s'],
      ['check, warm, one program changed', one, `${(one / baseline).toFixed(2)}× baseline`],
    ]
    console.log(`${snippets.length} snippets (${fails.length} must not compile), ${(await run('rustc', ['--version'])).stdout.trim()}, ${rounds} round${rounds > 1 ? 's' : ''}`)
    for (const [name, ms, ratio] of rows)
      console.log(`${name.padEnd(40)} ${seconds(ms).padStart(9)}  ${ratio}`)
  }
  finally {
    await kit.remove()
  }
}

export const command = defineCommand({
  name: 'bench-check',
  summary: 'times the check cold, warm and after one change, on copies of the kit, against a bare cargo test plus rustc (targets: cold ≤ 1.3×, warm ≤ 0.5 s inside the check)',
  usage: 'npm run bench:check [-- --rounds N]',
  options: {
    rounds: { type: 'string', value: 'N', default: '1', description: 'cold measurements each, alternating order; each figure is the fastest of its rounds' },
  },
  examples: ['npm run bench:check', 'npm run bench:check -- --rounds 3'],
  run: ({ values }) => main(values.rounds),
})

command.mainIfEntry(import.meta.url)
