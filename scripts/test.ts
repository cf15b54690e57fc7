/**
 * `npm test`: everything CI checks, each step started as soon as the steps
 * it needs have passed (scripts/lib/test-plan.ts), two at a time by default:
 *
 *   check      every snippet's promise, the decks' references, cargo test and
 *              clippy -D warnings (one build through clippy-driver)
 *   cargo fmt  the whole workspace, support crates included     (beside the check)
 *   typecheck  vue-tsc, strict, against Slidev's own types       (beside the check)
 *   lint       ESLint                                           (beside the check)
 *   publish    the learners' site, PDFs included, into a temporary folder
 *              (never dist/): every deck built once for the whole run
 *   unit       vitest's unit and component tests                (after the check)
 *   kit copies whole-kit tests on copies of the kit: the check, import,
 *              new-topic                                        (after the check)
 *   kit        the other whole-kit tests that need no site: dev servers
 *              and builds of fixture decks                      (after the check)
 *   site       the published site over http, every click of every deck, and
 *              each deck's single file from file://              (after publish)
 *   light      every slide of every deck in light mode: the
 *              legibility rule, the fonts, axe, screenshots     (after publish)
 *   dark       the same walk in dark mode                       (after publish)
 *   browser    the other tests that read the published site or run Slidev in
 *              slides/: keyboard paths, site pages' axe, live slides in the
 *              dev server, a publish stopped midway             (after publish)
 *
 * Each step's output is printed as it comes, its lines prefixed with its
 * name; a table of each step's start and time ends the run. Among the
 * steps ready to start, the first in the plan starts first: the longest
 * chain (check, publish, the walks of the site) goes ahead. All steps run
 * even after a failure (except those needing the failed one), so one run
 * shows everything broken. Before any of it, the tools the steps need are
 * checked (preflight.ts). `npm test -- --quick` skips the site and the
 * whole-kit and browser tests.
 */
import type { StepResult } from './lib/test-plan.ts'
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { cpus, tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineCommand } from './lib/command.ts'
import { preflight } from './lib/preflight.ts'
import { failureExcerpt, schedule, timingTable } from './lib/test-plan.ts'

interface Step {
  name: string
  command: string
  args: string[]
  needs: string[]
  cwd?: string
  env?: NodeJS.ProcessEnv
}

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = (name: string) => `${root}node_modules/.bin/${name}`

/**
 * Whole-kit test files that read the published site (PUBLISHED_SITE), in
 * steps of their own that run side by side once it is published: the walk
 * of every slide, one step per colour scheme, and the other site tests in
 * two steps of about the same length, so that the two cores stay busy to
 * the end. The others under tests/ need no site and run while it is
 * published. Anything that runs Slidev on a deck in slides/ (a dev server,
 * a publish) counts here too: it must not share slides/node_modules/.slidev
 * with the publish's builds.
 */
export const SITE_STEPS: { name: string, files: string[] }[] = [
  { name: 'site', files: ['tests/publish/site.test.ts', 'tests/publish/offline-copy.test.ts'] },
  { name: 'light', files: ['tests/browser/slides-light.test.ts'] },
  { name: 'dark', files: ['tests/browser/slides-dark.test.ts'] },
  {
    name: 'browser',
    files: [
      'tests/a11y/deck.test.ts',
      'tests/browser/learner-walk.test.ts',
      'tests/live/fit.test.ts',
      'tests/live/lesson.test.ts',
      'tests/publish/interrupt.test.ts',
    ],
  },
]
export const SITE_TESTS = SITE_STEPS.flatMap(s => s.files)

/**
 * Whole-kit test folders whose tests work on throw-away copies of the kit
 * (the check, import, new-topic): nothing of theirs is shared with the other
 * whole-kit tests (dev servers on tests/fixtures/, built fixture decks), so
 * they are a step of their own beside those.
 */
export const COPY_TEST_DIRS = ['tests/check/', 'tests/topics/']

/** Every `*.test.ts` under tests/, as paths from the kit's root. */
function kitTests(): string[] {
  return readdirSync(join(root, 'tests'), { recursive: true, withFileTypes: true })
    .filter(e => e.isFile() && e.name.endsWith('.test.ts'))
    .map(e => relative(root, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort()
}

/**
 * The machine's CPU time so far, busy and in all, in clock ticks
 * (`/proc/stat`); null where there is none (not Linux). Two readings say
 * how busy the cores were in between: near 100% means more steps at once
 * cannot make the run shorter, only less work can.
 */
function cpuTicks(): { busy: number, all: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    // user nice system idle iowait irq softirq steal …: idle and iowait are the waiting.
    const all = fields.slice(0, 8).reduce((a, b) => a + b, 0)
    return { busy: all - fields[3]! - fields[4]!, all }
  }
  catch {
    return null
  }
}

/**
 * Runs a step, its output's lines prefixed with its name; resolves with its
 * exit code. The lines are kept in `output` (stdout and stderr as they
 * came), for the excerpt of a failure at the end of the run.
 */
function runStep(step: Step, width: number, output: string[]): Promise<number> {
  const tag = `${step.name.padEnd(width)} │ `
  console.log(`${tag}> ${step.command.replace(`${root}node_modules/.bin/`, '')} ${step.args.join(' ')}`)
  // Colours on a terminal only: FORCE_COLOR=0 still turns them on in vitest (any FORCE_COLOR does), NO_COLOR turns them off.
  const { FORCE_COLOR: _, NO_COLOR: __, ...env } = step.env ?? process.env
  const colour = process.stdout.isTTY ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' }
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: step.cwd ?? root, env: { ...env, ...colour }, stdio: ['ignore', 'pipe', 'pipe'] })
    for (const [from, to] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
      let rest = ''
      from.setEncoding('utf8')
      from.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n')
        rest = lines.pop()!
        output.push(...lines)
        if (lines.length)
          to.write(lines.map(l => `${tag}${l}\n`).join(''))
      })
      from.on('end', () => {
        if (rest) {
          output.push(rest)
          to.write(`${tag}${rest}\n`)
        }
      })
    }
    child.on('error', (error) => {
      console.error(`${tag}could not start: ${error.message}`)
      resolve(127)
    })
    child.on('close', code => resolve(code ?? 1))
  })
}

export const command = defineCommand({
  name: 'test',
  summary: 'everything CI checks, independent steps in parallel: the check, cargo fmt, vue-tsc, ESLint, the learners\' site published once into a temporary folder (never dist/), vitest (unit, whole-kit and browser tests on that site); each step\'s time at the end',
  usage: 'npm test [-- --quick] [-- --jobs <n>]',
  options: {
    quick: { type: 'boolean', description: 'skip the site and the whole-kit and browser tests (vitest\'s unit project only)' },
    jobs: { type: 'string', value: 'n', description: 'steps running at once (default: the number of cores, at least 2)' },
  },
  examples: ['npm test', 'npm test -- --quick', 'npm test -- --jobs 1'],
  async run({ values: { quick, jobs: jobsOption } }) {
    const jobs = jobsOption === undefined ? Math.max(2, cpus().length) : Number(jobsOption)
    if (!Number.isInteger(jobs) || jobs < 1)
      throw new Error(`--jobs: expected a whole number of at least 1, got "${jobsOption}"`)
    // The unit tests compile and run live programs in the sandbox too.
    await preflight(quick ? ['rust', 'bubblewrap'] : ['rust', 'chromium', 'poppler', 'bubblewrap'])
    const scratch = quick ? null : mkdtempSync(join(tmpdir(), 'lesson-test-'))
    /** The published site the browser tests read (PUBLISHED_SITE). */
    const site = scratch && join(scratch, 'site')
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        if (scratch)
          rmSync(scratch, { recursive: true, force: true })
        process.exit(130)
      })
    }
    const all = kitTests()
    const unknown = SITE_TESTS.filter(f => !all.includes(f))
    if (unknown.length)
      throw new Error(`scripts/test.ts: SITE_TESTS names ${unknown.join(', ')}, which is not a test file under tests/`)
    const siteEnv = site ? { ...process.env, PUBLISHED_SITE: site } : undefined
    const vitest = (name: string, files: string[], needs: string[], env?: NodeJS.ProcessEnv): Step =>
      ({ name, command: bin('vitest'), args: ['run', '--project', 'kit', ...files], needs, env })
    const offSite = all.filter(f => !SITE_TESTS.includes(f))
    const onCopies = offSite.filter(f => COPY_TEST_DIRS.some(d => f.startsWith(d)))
    // Among the steps ready to start, the first listed starts first: the
    // publish and the walks of the site it makes are the longest chain, so
    // they go ahead of the whole-kit tests, and the short steps come last.
    const steps: Step[] = [
      { name: 'check', command: bin('tsx'), args: ['scripts/check.ts'], needs: [] },
      ...site
        ? [
            { name: 'publish', command: bin('tsx'), args: ['scripts/publish.ts', '--out', site], needs: ['check'] },
            ...SITE_STEPS.map(s => vitest(s.name, s.files, ['publish'], siteEnv)),
            vitest('kit', offSite.filter(f => !onCopies.includes(f)), ['check']),
            vitest('kit copies', onCopies, ['check']),
          ]
        : [],
      { name: 'unit', command: bin('vitest'), args: ['run', '--project', 'unit'], needs: ['check'] },
      { name: 'cargo fmt', command: 'cargo', args: ['fmt', '--all', '--check'], cwd: `${root}snippets`, needs: [] },
      { name: 'typecheck', command: bin('tsx'), args: ['scripts/typecheck.ts'], needs: [] },
      { name: 'lint', command: bin('eslint'), args: ['.'], needs: [] },
    ]
    const width = Math.max(...steps.map(s => s.name.length))
    const byName = new Map(steps.map(s => [s.name, s]))
    const outputs = new Map(steps.map(s => [s.name, [] as string[]]))
    const started = performance.now()
    const cpuBefore = cpuTicks()
    let results: StepResult[]
    try {
      results = await schedule(steps, {
        jobs,
        run: name => runStep(byName.get(name)!, width, outputs.get(name)!),
        // Nothing after the check means anything if its captures are missing (exit 2).
        blocks: (name, code) => name !== 'check' || code === 2,
      })
    }
    finally {
      if (scratch)
        rmSync(scratch, { recursive: true, force: true })
    }
    const failed = results.filter(r => r.code !== 0)
    const cpuAfter = cpuTicks()
    const busy = cpuBefore && cpuAfter && cpuAfter.all > cpuBefore.all
      ? `, the cores ${Math.round(100 * (cpuAfter.busy - cpuBefore.busy) / (cpuAfter.all - cpuBefore.all))}% busy (${cpus().length} cores)`
      : ''
    // What failed, and why, where a long log's reader looks first: at its end.
    for (const r of failed.filter(r => !r.skipped))
      console.log(`\n${r.name}: FAILED (exit ${r.code}); from its output:\n${failureExcerpt(outputs.get(r.name)!).map(l => `  ${l}`).join('\n')}`)
    console.log(`\ntest: ${jobs} at a time${busy}\n${timingTable(results, performance.now() - started)}`)
    console.log(`steps: ${results.length - failed.length} passed, ${failed.length} failed${failed.length ? ` (${failed.map(r => r.name).join(', ')})` : ''}`)
    return failed.length ? 1 : 0
  },
})

command.mainIfEntry(import.meta.url)
