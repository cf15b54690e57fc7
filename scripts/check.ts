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
import { LessonError } from '../core/errors.ts'
import { runCheck } from './lib/check.ts'
import { reportFailures, reportJson, summaryLine, verdictLines } from './lib/check/report.ts'

const USAGE = 'usage: npm run check [-- --json] [-- --update] [-- --root <kit directory>]'

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json')
  const update = argv.includes('--update')
  const rootAt = argv.indexOf('--root')
  const unknown = argv.filter((a, i) => a !== '--json' && a !== '--update' && i !== rootAt && (rootAt < 0 || i !== rootAt + 1))
  if (unknown.length || (rootAt >= 0 && !argv[rootAt + 1])) {
    console.error(`check: ${unknown.length ? `unknown option ${unknown.join(' ')}` : '--root needs a directory'}\n${USAGE}`)
    return 2
  }
  const root = rootAt >= 0 ? resolve(argv[rootAt + 1]!) : fileURLToPath(new URL('..', import.meta.url))
  const log = (line: string) => process.stderr.write(`check: ${line}\n`)
  const report = await runCheck({ root, update, log })
  if (json) {
    console.log(reportJson(report))
    return report.failed ? 1 : 0
  }
  for (const line of report.updated)
    console.log(`  ${line}`)
  for (const line of verdictLines(report))
    console.log(line)
  const failures = reportFailures(report)
  if (failures.length)
    console.log(`\n${failures.join('\n')}\n`)
  log(`done in ${(report.durationMs / 1000).toFixed(1)} s`)
  console.log(summaryLine(report))
  return report.failed ? 1 : 0
}

main(process.argv.slice(2)).then(
  code => process.exit(code),
  (error) => {
    if (error instanceof LessonError) {
      console.error(`check: ${error.message}`)
      process.exit(2)
    }
    throw error
  },
)
