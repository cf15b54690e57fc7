/**
 * Every command answers `--help` (usage, options, an example) and refuses
 * an unknown option at once: read in-process for each command, and run as a
 * user runs it (a new process through tsx) for a few, exit status included.
 */
import type { Command, OptionSpecs } from './lib/command.ts'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { UsageError } from './lib/command.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const tsx = join(root, 'node_modules', '.bin', 'tsx')
const COMMANDS = ['check', 'build', 'publish', 'dev', 'test', 'screenshot', 'new-topic', 'serve', 'typecheck', 'import', 'bench-check', 'bench-live', 'bench-publish', 'bench-editor', 'bench-first-slide', 'bench-offline', 'bench-shipped']

async function load(name: string): Promise<Command<OptionSpecs>> {
  return (await import(`./${name}.ts`) as { command: Command<OptionSpecs> }).command
}

async function spawnCommand(name: string, args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [join(root, 'scripts', `${name}.ts`), ...args], { cwd: root, timeout: 60_000 })
    return { code: 0, stdout, stderr }
  }
  catch (error) {
    const e = error as { code: number, stdout: string, stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe.each(COMMANDS)('%s', (name) => {
  it('answers --help with usage, options and an example', async () => {
    const command = await load(name)
    expect(command.parse(['--help'])).toBe('help')
    expect(command.help()).toMatch(new RegExp(`^${name}: .+\\n\\nUsage: .+\\n[\\s\\S]*\\nOptions:\\n[\\s\\S]*-h, --help[\\s\\S]*\\nExamples?:\\n {2}\\S`))
  })

  it('refuses an unknown option', async () => {
    const command = await load(name)
    expect(() => command.parse(['--no-such-option'])).toThrow(new UsageError('unknown option --no-such-option'))
  })
})

describe('the command lines the README shows', () => {
  it.each([
    ['dev', ['rc', '--port', '4000'], { positionals: ['rc'], rest: ['--port', '4000'] }],
    ['dev', ['rc', '--', '--some-future-slidev-flag'], { positionals: ['rc'], rest: ['--some-future-slidev-flag'] }],
    ['test', ['--quick'], { values: { quick: true } }],
    ['check', ['--json', '--update'], { values: { json: true, update: true } }],
    ['publish', ['--no-pdf', '--', '--notes'], { values: { 'no-pdf': true, 'notes': true } }],
    ['build', ['rc', 'lesson'], { positionals: ['rc', 'lesson'] }],
    ['screenshot', ['http://localhost:3030/#/2', 'out.png', '--dark'], { positionals: ['http://localhost:3030/#/2', 'out.png'], values: { dark: true, size: '1280x720' } }],
  ] as const)('%s %j', async (name, argv, expected) => {
    expect((await load(name)).parse(argv)).toMatchObject(expected)
  })
})

describe('as a process', () => {
  it('`--help` prints the help on stdout and exits 0 without doing the work', async () => {
    // The check would fail on a directory that is not the kit, had it run.
    const check = await spawnCommand('check', ['--root', join(root, 'nowhere'), '--help'])
    expect(check).toEqual({ code: 0, stdout: (await load('check')).help(), stderr: '' })
    // `npm test -- --help` must not start the suite.
    expect(await spawnCommand('test', ['--help'])).toMatchObject({ code: 0, stderr: '' })
  }, 120_000)

  it('an unknown option is one line on stderr and exit status 2', async () => {
    expect(await spawnCommand('publish', ['--pdf-only'])).toEqual({ code: 2, stdout: '', stderr: 'publish: unknown option --pdf-only (see `npm run publish -- --help`)\n' })
  }, 120_000)
})
