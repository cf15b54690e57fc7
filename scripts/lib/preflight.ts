import { LessonError } from '../../core/errors.ts'
/**
 * Before a command does any work, it checks that the tools it will need are
 * there: each missing one is named on its own line with how to install it,
 * and the command stops at once instead of failing minutes later.
 *
 *   rust      cargo, clippy (the check builds through clippy-driver), rustfmt
 *   chromium  the PDFs and the browser tests; `CHROMIUM_PATH` is honoured
 *   poppler   pdfinfo and pdftoppm, which the tests read the PDFs with
 *   bubblewrap  on Linux, the sandbox live runs (and their tests) compile and
 *             run programs in; macOS has sandbox-exec built in
 */
import { CHROMIUM_INSTALL, chromiumCandidates, findChromium } from './browser.ts'
import { BUBBLEWRAP_INSTALL } from './live/sandbox.ts'
import { run } from './process.ts'
import { findOnPath } from './which.ts'

export type Need = 'rust' | 'chromium' | 'poppler' | 'bubblewrap'

export interface PreflightOptions {
  env?: NodeJS.ProcessEnv
  /** Where to look for Chromium before `PATH` (tests pass their own). */
  chromiumCandidates?: readonly string[]
  /** Added to a missing Chromium's line, e.g. how to do without it. */
  chromiumHint?: string
  /** Only for tests: the platform to check for. */
  platform?: NodeJS.Platform
}

const RUSTUP = 'install Rust with rustup, the same on Debian/Ubuntu and macOS (https://rustup.rs)'
const POPPLER = 'Debian/Ubuntu: `sudo apt-get install poppler-utils`; macOS: `brew install poppler`'

/** A command that must answer `--version`; null when it does, else why not. */
async function answers(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string | null> {
  const path = findOnPath(command, env)
  if (!path)
    return 'not found on PATH'
  const result = await run(path, args, { env, timeoutMs: 60_000 }).catch((error: Error) => ({ exitCode: null, stderr: error.message, stdout: '', timedOut: false }))
  if (result.timedOut)
    return `\`${command} ${args.join(' ')}\` did not answer within 60 s`
  if (result.exitCode !== 0)
    return `\`${command} ${args.join(' ')}\` failed: ${(result.stderr || result.stdout).trim().split('\n')[0] ?? ''}`
  return null
}

/** One line per missing tool, in the order of `needs`; empty when all are there. */
export async function missingTools(needs: readonly Need[], options: PreflightOptions = {}): Promise<string[]> {
  const env = options.env ?? process.env
  const checks: Promise<string | null>[] = []
  if (needs.includes('rust')) {
    checks.push(answers('cargo', ['--version'], env).then(why => why && `cargo: ${why}; ${RUSTUP}, then \`rustup component add clippy rustfmt\``))
    checks.push(answers('clippy-driver', ['--version'], env).then(why => why && `clippy: ${why}; run \`rustup component add clippy\``))
    checks.push(answers('rustfmt', ['--version'], env).then(why => why && `rustfmt: ${why}; run \`rustup component add rustfmt\``))
  }
  if (needs.includes('chromium')) {
    checks.push((async () => {
      let path: string
      try {
        path = findChromium(env, options.chromiumCandidates ?? chromiumCandidates())
      }
      catch (error) {
        if (!(error instanceof LessonError))
          throw error
        return `Chromium: ${error.message}${options.chromiumHint ? `; ${options.chromiumHint}` : ''}`
      }
      // A browser says its version; anything else at CHROMIUM_PATH fails here, not minutes later.
      const result = await run(path, ['--version'], { env, timeoutMs: 30_000 }).catch(() => null)
      if (!result || result.exitCode !== 0 || !/\d+\.\d+/.test(result.stdout))
        return `Chromium: ${path}${env.CHROMIUM_PATH ? ' (CHROMIUM_PATH)' : ''} does not answer \`--version\` as a browser does; install one (${CHROMIUM_INSTALL}) or set CHROMIUM_PATH to its executable${options.chromiumHint ? `; ${options.chromiumHint}` : ''}`
      return null
    })())
  }
  if (needs.includes('poppler')) {
    for (const tool of ['pdfinfo', 'pdftoppm'])
      checks.push(Promise.resolve(findOnPath(tool, env) ? null : `${tool} (poppler): not found on PATH; ${POPPLER}`))
  }
  if (needs.includes('bubblewrap') && (options.platform ?? process.platform) === 'linux')
    checks.push(Promise.resolve(findOnPath('bwrap', env) ? null : `bubblewrap (bwrap): not found on PATH; live runs compile and run programs in it; ${BUBBLEWRAP_INSTALL}`))
  return (await Promise.all(checks)).filter((line): line is string => line !== null)
}

/**
 * Throws, naming every missing tool, unless all of `needs` are there. The
 * command's own error handler prints the message.
 */
export async function preflight(needs: readonly Need[], options: PreflightOptions = {}): Promise<void> {
  const missing = await missingTools(needs, options)
  if (missing.length)
    throw new LessonError(`missing what this command needs; nothing was done:\n  ${missing.join('\n  ')}`)
}
