/**
 * `npm run check [-- --json] [-- --update]`
 *
 * Builds and runs every snippet, judges each against its `//! expect:` line
 * and its checked-in expected output, checks every deck's references to
 * snippets, and writes what rustc and the programs really printed to
 * `generated/` for the slides. Progress goes to stderr; stdout carries the
 * verdicts and ends with `N passed, N failed` (or only JSON with --json).
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runCheck } from './lib/check.ts'
import { removePartialWrites } from './lib/check/files.ts'
import { listedLines, reportFailures, reportJson, summaryLine, verdictLines } from './lib/check/report.ts'
import { defineCommand } from './lib/command.ts'
import { stopOnInterrupt } from './lib/process.ts'

export const command = defineCommand({
  name: 'check',
  summary: 'builds, runs and judges every snippet against its promise, checks every deck\'s references and budgets, and writes generated/',
  usage: 'npm run check [-- --json] [-- --update] [-- --root <dir>]',
  options: {
    json: { type: 'boolean', description: 'print only a JSON report on stdout' },
    update: { type: 'boolean', description: 'rewrite the expected outputs and recordings from this run, saying what changed' },
    root: { type: 'string', value: 'dir', description: 'the kit to check (default: this one)' },
  },
  examples: ['npm run check', 'npm run check -- --update'],
  // Nothing after a check that could not run means anything (`npm test` stops).
  errorExitCode: 2,
  async run({ values }) {
    const root = values.root ? resolve(values.root) : fileURLToPath(new URL('..', import.meta.url))
    // Ctrl-C, SIGTERM, SIGHUP: the child processes (in groups of their own) end with it.
    stopOnInterrupt(removePartialWrites, 'check: interrupted; cargo and the programs were stopped, generated/ keeps the last complete check')
    const log = (line: string) => process.stderr.write(`check: ${line}\n`)
    const report = await runCheck({ root, update: values.update, log })
    if (values.json) {
      console.log(reportJson(report))
      return report.failed ? 1 : 0
    }
    for (const line of report.updated)
      console.log(`  ${line}`)
    for (const line of verdictLines(report))
      console.log(line)
    const listed = listedLines(report)
    if (listed.length)
      console.log(`\n${listed.join('\n')}`)
    const failures = reportFailures(report)
    if (failures.length)
      console.log(`\n${failures.join('\n')}\n`)
    log(`done in ${(report.durationMs / 1000).toFixed(1)} s`)
    console.log(summaryLine(report))
    return report.failed ? 1 : 0
  },
})

command.mainIfEntry(import.meta.url)
