/**
 * `npm test`: everything CI checks, in order, each step echoed before it runs.
 *
 *   check      every snippet's promise, the decks' references, cargo test and
 *              clippy -D warnings (one build through clippy-driver)
 *   cargo fmt  the whole workspace, support crates included
 *   typecheck  vue-tsc, strict
 *   lint       ESLint
 *   publish    the learners' site, PDFs included, into a temporary folder
 *              (never dist/), which the browser tests then read
 *   vitest     unit, component, mutation and browser tests
 *
 * Before any of it, the tools the steps need are checked (preflight.ts).
 * All steps run even after a failure, so one run shows everything broken.
 * `npm test -- --quick` skips the site and the browser tests.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineCommand } from './lib/command.ts'
import { preflight } from './lib/preflight.ts'

interface Step {
  name: string
  command: string
  args: string[]
  cwd?: string
  env?: NodeJS.ProcessEnv
}

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = (name: string) => `${root}node_modules/.bin/${name}`

function runStep(step: Step): Promise<number> {
  console.log(`\n> ${step.command.replace(`${root}node_modules/.bin/`, '')} ${step.args.join(' ')}`)
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, { cwd: step.cwd ?? root, env: step.env ?? process.env, stdio: 'inherit' })
    child.on('error', (error) => {
      console.error(`test: ${step.name} could not start: ${error.message}`)
      resolve(127)
    })
    child.on('exit', code => resolve(code ?? 1))
  })
}

export const command = defineCommand({
  name: 'test',
  summary: 'everything CI checks: the check, cargo fmt, vue-tsc, ESLint, the learners\' site published into a temporary folder (never dist/), vitest (unit, component, whole-kit and browser tests on that site)',
  usage: 'npm test [-- --quick]',
  options: {
    quick: { type: 'boolean', description: 'skip the site and the whole-kit and browser tests (vitest\'s unit project only)' },
  },
  examples: ['npm test', 'npm test -- --quick'],
  async run({ values: { quick } }) {
    // The unit tests compile and run live programs in the sandbox too.
    await preflight(quick ? ['rust', 'bubblewrap'] : ['rust', 'chromium', 'poppler', 'bubblewrap'])
    const scratch = quick ? null : mkdtempSync(join(tmpdir(), 'lesson-test-'))
    /** The published site the browser tests read (PUBLISHED_SITE, LESSON_A11Y_SITE). */
    const site = scratch && join(scratch, 'site')
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.on(signal, () => {
        if (scratch)
          rmSync(scratch, { recursive: true, force: true })
        process.exit(130)
      })
    }
    const steps: Step[] = [
      { name: 'check', command: bin('tsx'), args: ['scripts/check.ts'] },
      { name: 'cargo fmt', command: 'cargo', args: ['fmt', '--all', '--check'], cwd: `${root}snippets` },
      { name: 'typecheck', command: bin('vue-tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
      { name: 'lint', command: bin('eslint'), args: ['.'] },
      ...site ? [{ name: 'publish', command: bin('tsx'), args: ['scripts/publish.ts', '--out', site] }] : [],
      {
        name: 'vitest',
        command: bin('vitest'),
        args: ['run', ...quick ? ['--project', 'unit'] : []],
        env: site ? { ...process.env, PUBLISHED_SITE: site, LESSON_A11Y_SITE: site } : undefined,
      },
    ]
    const failed: string[] = []
    const started = performance.now()
    for (const step of steps) {
      const code = await runStep(step)
      if (code !== 0) {
        failed.push(`${step.name} (exit ${code})`)
        // Nothing after the check means anything if its captures are missing.
        if (step.name === 'check' && code === 2)
          break
      }
    }
    if (scratch)
      rmSync(scratch, { recursive: true, force: true })
    console.log(`\ntest: ${((performance.now() - started) / 1000).toFixed(0)} s${failed.length ? `; failed: ${failed.join(', ')}` : ''}`)
    console.log(`steps: ${steps.length - failed.length} passed, ${failed.length} failed`)
    return failed.length ? 1 : 0
  },
})

command.mainIfEntry(import.meta.url)
