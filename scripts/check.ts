import type { CheckReport } from './lib/check.ts'
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
import { LessonError } from './lib/errors.ts'
import { describeExpectation } from './lib/header.ts'

const USAGE = 'usage: npm run check [-- --json] [-- --update] [-- --root <kit directory>]'

export function reportJson(report: CheckReport): string {
  return JSON.stringify({
    rustc: report.rustc,
    passed: report.passed,
    failed: report.failed,
    durationMs: Math.round(report.durationMs),
    problems: report.problems,
    updated: report.updated,
    snippets: report.snippets.map(s => ({
      id: s.id,
      file: s.file,
      topic: s.topic,
      expectation: describeExpectation(s.expectation),
      status: s.status,
      durationMs: s.durationMs,
      failures: s.failures,
      notes: s.notes ?? [],
    })),
  }, null, 2)
}

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
  for (const s of report.snippets) {
    const mark = s.status === 'passed' ? 'ok  ' : 'FAIL'
    console.log(`${mark} ${s.id.padEnd(36)} ${describeExpectation(s.expectation)}`)
    for (const f of s.failures)
      console.log(`     ${f.replace(/\n/g, '\n     ')}`)
    for (const n of s.notes ?? [])
      console.log(`     ${n}`)
  }
  for (const p of report.problems)
    console.log(`FAIL ${p.replace(/\n/g, '\n     ')}`)
  log(`done in ${(report.durationMs / 1000).toFixed(1)} s`)
  console.log(`${report.passed} passed, ${report.failed} failed`)
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
