/**
 * `npm run dev [-- <deck>] [-- slidev options]`
 *
 * Presents a deck with Slidev's dev server and presenter view: the whole
 * lesson by default, or one topic (`npm run dev -- rc`). Runs the check
 * first so every captured output on the slides is current; a failing check
 * is reported but does not stop the presentation.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { LessonError } from '../core/errors.ts'
import { LESSON_ID } from '../core/topics.ts'
import { runCheck } from './lib/check.ts'
import { reportFailures } from './lib/check/report.ts'
import { deckFile, slidevBin } from './lib/slidev.ts'

async function main(argv: string[]): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const deck = argv[0] && !argv[0].startsWith('-') ? argv[0] : LESSON_ID
  const rest = argv[0] === deck ? argv.slice(1) : argv
  const file = deckFile(root, deck)
  const report = await runCheck({ root, log: line => console.error(`check: ${line}`) })
  if (report.failed) {
    console.error(`\n${reportFailures(report).join('\n')}\n\ncheck: ${report.failed} failed. Presenting anyway: failing snippets show their last capture.\n`)
  }
  const child = spawn(slidevBin(root), [file, ...rest], { cwd: root, stdio: 'inherit' })
  child.on('exit', code => process.exit(code ?? 0))
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => child.kill(signal))
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof LessonError ? `dev: ${error.message}` : error)
  process.exit(1)
})
