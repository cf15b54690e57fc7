/**
 * `npx tsx scripts/bench-live.ts [--runs 20] [--snippet rc/clone-counts] [--flags]`
 *
 * How fast live coding answers, against the floor: a bare `rustc` compile
 * and run of the same file, measured in the same session and interleaved
 * with the live runs so both see the same machine load.
 *
 *   bare     rustc --edition 2021 main.rs -o main && ./main
 *   live     POST /api/rust/run with code not seen before (compile + run)
 *   cached   the same code again (answered from the cache)
 *
 * Targets: live ≤ 1.2 × bare, cached ≤ 50 ms (medians). `--flags` also
 * times rustc alone with other flag sets, to choose the runner's flags.
 * Exits 1 when a target is missed.
 */
import type { AddressInfo } from 'node:net'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LessonError } from '../core/errors.ts'
import { composeProgram, liveProgram } from '../core/live-code.ts'
import { LIVE_RUN_PATH } from '../core/live-contract.ts'
import { defineCommand } from './lib/command.ts'
import { createLiveHandler } from './lib/live/http.ts'
import { createLiveRunner, DEFAULT_FLAGS } from './lib/live/runner.ts'
import { run } from './lib/process.ts'
import { median } from './lib/stats.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

const ms = (value: number) => `${value.toFixed(1)} ms`

/** A bare compile and run of `code`, as a learner would type it. */
async function bare(dir: string, code: string, flags: readonly string[] = [], execute = true): Promise<{ total: number, compile: number }> {
  await writeFile(join(dir, 'main.rs'), code)
  const started = performance.now()
  const compile = await run('rustc', ['--edition', '2021', ...flags, '-o', join(dir, 'main'), join(dir, 'main.rs')], { cwd: dir })
  if (compile.exitCode !== 0)
    throw new LessonError(`bare rustc failed (exit ${compile.exitCode}):\n${compile.stderr}`)
  const compiled = performance.now()
  if (!execute)
    return { total: compiled - started, compile: compiled - started }
  const program = await run(join(dir, 'main'), [], { cwd: dir })
  if (program.exitCode !== 0)
    throw new LessonError(`the compiled program failed (exit ${program.exitCode}):\n${program.stderr}`)
  return { total: performance.now() - started, compile: compiled - started }
}

async function main(options: { runs: string, snippet: string, flags: boolean }): Promise<void> {
  const runs = Number(options.runs)
  if (!Number.isInteger(runs) || runs < 1)
    throw new LessonError(`--runs must be a positive whole number, not ${options.runs}`)
  const snippet = options.snippet
  const [topic, name] = snippet.split('/')
  const file = join(root, 'snippets', topic!, 'src', 'bin', `${name}.rs`)
  const source = await readFile(file, 'utf8').catch(() => {
    throw new LessonError(`no program ${file} for --snippet ${snippet}`)
  })
  const program = liveProgram(source, undefined, file)
  const code = composeProgram(program, program.shown)

  const runner = createLiveRunner()
  if (typeof runner.sandbox === 'string')
    throw new LessonError(`the live runner cannot run programs here: ${runner.sandbox}`)
  const server = createServer((req, res) => {
    void createLiveHandler(runner)(req, res, () => res.writeHead(404).end())
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const post = async (body: string) => {
    const started = performance.now()
    const response = await fetch(`http://localhost:${port}${LIVE_RUN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'origin': `http://localhost:${port}` },
      body: JSON.stringify({ code: body }),
    })
    const answer = await response.json() as { outcome: string, cached: boolean, error?: string }
    if (answer.outcome !== 'ok')
      throw new LessonError(`the live run of ${snippet} answered ${answer.outcome}: ${answer.error ?? JSON.stringify(answer)}`)
    return { ms: performance.now() - started, cached: answer.cached }
  }

  const dir = await mkdtemp(join(tmpdir(), 'lesson-bench-'))
  const times = { bare: [] as number[], bareCompile: [] as number[], live: [] as number[], cached: [] as number[] }
  try {
    console.error(`bench-live: ${snippet}, ${runs} runs each, ${(await runner.toolchain()).split('\n')[0]}, runner flags: ${DEFAULT_FLAGS.join(' ')}`)
    // One of each first, unmeasured: disk caches and the toolchain warm up.
    await bare(dir, code)
    await post(`${code}// warm-up\n`)
    for (let i = 0; i < runs; i++) {
      // A comment makes the code new to the cache; rustc's work is the same.
      const fresh = `${code}// run ${i} ${Date.now()}\n`
      const b = await bare(dir, fresh)
      times.bare.push(b.total)
      times.bareCompile.push(b.compile)
      const live = await post(fresh)
      if (live.cached)
        throw new LessonError('a new program was answered from the cache')
      times.live.push(live.ms)
      const again = await post(fresh)
      if (!again.cached)
        throw new LessonError('the same program sent twice was not answered from the cache')
      times.cached.push(again.ms)
      process.stderr.write('.')
    }
    process.stderr.write('\n')

    const ratio = median(times.live) / median(times.bare)
    const cached = median(times.cached)
    console.log(`bare rustc compile + run   median ${ms(median(times.bare))}  (compile alone ${ms(median(times.bareCompile))})`)
    console.log(`live run, new code         median ${ms(median(times.live))}  = ${ratio.toFixed(2)} × bare  (target ≤ 1.20)`)
    console.log(`live run, same code again  median ${ms(cached)}  (target ≤ 50 ms)`)

    if (options.flags) {
      const variants: Array<[string, string[]]> = [
        ['(rustc defaults)', []],
        ['-C opt-level=0 -C debuginfo=0', ['-C', 'opt-level=0', '-C', 'debuginfo=0']],
        ['-C prefer-dynamic', ['-C', 'prefer-dynamic']],
        ['-C codegen-units=1', ['-C', 'codegen-units=1']],
        ['-C strip=debuginfo', ['-C', 'strip=debuginfo']],
      ]
      for (const [label, flags] of variants) {
        const compile: number[] = []
        for (let i = 0; i < Math.min(runs, 10); i++)
          compile.push((await bare(dir, `${code}// flags ${i} ${Date.now()}\n`, flags, false)).compile)
        console.log(`rustc ${label.padEnd(32)} compile median ${ms(median(compile))}`)
      }
    }
    const missed = [ratio > 1.2 ? `live/bare ratio ${ratio.toFixed(2)} > 1.2` : '', cached > 50 ? `cached ${ms(cached)} > 50 ms` : ''].filter(Boolean)
    if (missed.length) {
      console.error(`bench-live: target missed: ${missed.join('; ')}`)
      process.exitCode = 1
    }
  }
  finally {
    await rm(dir, { recursive: true, force: true })
    server.close()
    await runner.close()
  }
}

export const command = defineCommand({
  name: 'bench-live',
  summary: 'times a live run against a bare rustc compile and run of the same file, and the cached answer (targets: ≤ 1.2×, ≤ 50 ms)',
  usage: 'npx tsx scripts/bench-live.ts [--runs 20] [--snippet rc/clone-counts] [--flags]',
  options: {
    runs: { type: 'string', value: 'n', default: '20', description: 'timed runs of each kind (default 20)' },
    snippet: { type: 'string', value: 'id', default: 'rc/clone-counts', description: 'the program to run (default rc/clone-counts)' },
    flags: { type: 'boolean', description: 'also time rustc alone with other flag sets' },
  },
  examples: ['npx tsx scripts/bench-live.ts --runs 5'],
  async run({ values }) {
    await main(values)
    return process.exitCode === undefined ? 0 : Number(process.exitCode)
  },
})

command.mainIfEntry(import.meta.url)
