/**
 * `npm run dev [-- <deck>] [-- slidev options]`
 *
 * Presents a deck with Slidev's dev server and presenter view: the whole
 * lesson by default, or one topic (`npm run dev -- rc`). Runs the check
 * first so every captured output on the slides is current; a failing check
 * is reported but does not stop the presentation.
 *
 * The server listens on loopback only (unless `--remote`), refuses every
 * state-changing request that is not from the deck's own page, keeps
 * Slidev's file-writing routes off unless `--edit`, and runs live code in a
 * sandbox, or not at all unless `--unsafe-live-runs` (docs/live-coding.md).
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { deckFile, slidevBin } from '../adapter/slidev/cli.ts'
import { LESSON_ID } from '../core/topics.ts'
import { runCheck } from './lib/check.ts'
import { reportFailures } from './lib/check/report.ts'
import { defineCommand } from './lib/command.ts'
import { EDIT_ENV, EDIT_FLAG } from './lib/live/guard.ts'
import { UNSAFE_ENV, UNSAFE_FLAG } from './lib/live/sandbox.ts'

/** The dev server's environment: the kit's own flags reach its Vite plugins there. */
export function serverEnv(flags: { 'edit': boolean, 'unsafe-live-runs': boolean }, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, [EDIT_ENV]: flags.edit ? '1' : '0', [UNSAFE_ENV]: flags['unsafe-live-runs'] ? '1' : '0' }
}

export const command = defineCommand({
  name: 'dev',
  summary: 'checks the snippets, then presents a deck with Slidev\'s dev server (presenter view at /#/presenter/)',
  usage: `npm run dev [-- <deck>] [-- ${EDIT_FLAG}] [-- ${UNSAFE_FLAG}] [-- <slidev options>]`,
  positionals: [{ name: 'deck', description: `a topic id or \`${LESSON_ID}\` (default: ${LESSON_ID})`, optional: true }],
  options: {
    'edit': { type: 'boolean', description: 'let the deck\'s own pages write the deck: Slidev\'s slide editor, its MCP server and snapshots (off by default)' },
    'unsafe-live-runs': { type: 'boolean', description: 'run live code without a sandbox, under time, output, process and file-size limits only; warned on every run' },
  },
  passThrough: {
    to: 'Slidev',
    options: {
      port: { type: 'string', short: 'p', value: 'port', description: 'port (default 3030)' },
      open: { type: 'boolean', short: 'o', description: 'open in the browser' },
      remote: { type: 'string', value: 'password', description: 'listen on every address, with remote control (`--remote=` for no password)' },
      bind: { type: 'string', value: 'ip', description: 'the address to listen on in remote mode' },
      tunnel: { type: 'boolean', description: 'open a Cloudflare Quick Tunnel' },
      log: { type: 'string', value: 'level', description: 'error, warn, info or silent' },
      force: { type: 'boolean', short: 'f', description: 'ignore the optimizer\'s cache' },
      inspect: { type: 'boolean', description: 'enable Vite\'s inspect plugin' },
      base: { type: 'string', value: 'path', description: 'base URL, e.g. /demo/' },
      theme: { type: 'string', short: 't', value: 'name', description: 'override the theme' },
    },
  },
  examples: ['npm run dev', 'npm run dev -- rc --port 4000', 'npm run dev -- rc --edit'],
  async run({ positionals, values, rest }) {
    const root = fileURLToPath(new URL('..', import.meta.url))
    const file = deckFile(root, positionals[0] ?? LESSON_ID)
    const report = await runCheck({ root, log: line => console.error(`check: ${line}`) })
    if (report.failed)
      console.error(`\n${reportFailures(report).join('\n')}\n\ncheck: ${report.failed} failed. Presenting anyway: failing snippets show their last capture.\n`)
    const child = spawn(slidevBin(root), [file, ...rest], { cwd: root, stdio: 'inherit', env: serverEnv(values) })
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.on(signal, () => child.kill(signal))
    return new Promise<number>(resolve => child.on('exit', code => resolve(code ?? 0)))
  },
})

command.mainIfEntry(import.meta.url)
