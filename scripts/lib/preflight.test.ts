import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium } from './browser.ts'
import { missingTools } from './preflight.ts'
import { run } from './process.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))
let dir: string
let emptyPath: string
let fakeBin: string

async function script(path: string, body: string): Promise<void> {
  await writeFile(path, `#!/bin/sh\n${body}\n`)
  await chmod(path, 0o755)
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'preflight-'))
  emptyPath = join(dir, 'empty')
  fakeBin = join(dir, 'bin')
  await mkdir(emptyPath)
  await mkdir(fakeBin)
  await script(join(fakeBin, 'google-chrome'), 'echo "Google Chrome 156.0.1.2"')
  await script(join(fakeBin, 'not-a-browser'), 'exit 0')
  await writeFile(join(dir, 'plain-file'), 'not executable')
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('findChromium', () => {
  it('takes CHROMIUM_PATH when it is an executable file, and refuses it otherwise', () => {
    expect(findChromium({ CHROMIUM_PATH: join(fakeBin, 'google-chrome') }, [])).toBe(join(fakeBin, 'google-chrome'))
    expect(() => findChromium({ CHROMIUM_PATH: '/nowhere' }, [])).toThrow(/CHROMIUM_PATH is \/nowhere, which does not exist/)
    expect(() => findChromium({ CHROMIUM_PATH: dir }, [])).toThrow(/CHROMIUM_PATH is .* not an executable file/)
    expect(() => findChromium({ CHROMIUM_PATH: join(dir, 'plain-file') }, [])).toThrow(/not an executable file/)
  })

  it('looks in the usual places first, then on PATH', () => {
    const chrome = join(fakeBin, 'google-chrome')
    expect(findChromium({ PATH: fakeBin }, [])).toBe(chrome)
    expect(findChromium({ PATH: emptyPath }, [join(dir, 'missing'), chrome])).toBe(chrome)
  })

  it('says how to install one on Debian and macOS when there is none', () => {
    expect(() => findChromium({ PATH: emptyPath }, [join(dir, 'missing')])).toThrow(/no Chromium found .*apt-get install chromium.*brew install --cask chromium.*CHROMIUM_PATH/)
  })
})

describe('missingTools', () => {
  it('names every missing tool on its own line with how to install it', async () => {
    const missing = await missingTools(['rust', 'chromium', 'poppler'], { env: { PATH: emptyPath }, chromiumCandidates: [] })
    expect(missing).toHaveLength(6)
    expect(missing[0]).toMatch(/^cargo: not found on PATH; install Rust with rustup.*https:\/\/rustup\.rs.*rustup component add clippy rustfmt/)
    expect(missing[1]).toMatch(/^clippy: not found on PATH; run `rustup component add clippy`/)
    expect(missing[2]).toMatch(/^rustfmt: not found on PATH; run `rustup component add rustfmt`/)
    expect(missing[3]).toMatch(/^Chromium: no Chromium found/)
    expect(missing[4]).toMatch(/^pdfinfo \(poppler\): not found on PATH; Debian\/Ubuntu: `sudo apt-get install poppler-utils`; macOS: `brew install poppler`/)
    expect(missing[5]).toMatch(/^pdftoppm \(poppler\)/)
    for (const line of missing)
      expect(line).not.toContain('\n')
  })

  it('checks only what it is asked for', async () => {
    expect(await missingTools([], { env: { PATH: emptyPath } })).toEqual([])
    expect(await missingTools(['poppler'], { env: { PATH: emptyPath } })).toHaveLength(2)
  })

  it('refuses a CHROMIUM_PATH that is not a browser', async () => {
    const env = { PATH: fakeBin, CHROMIUM_PATH: join(fakeBin, 'not-a-browser') }
    expect(await missingTools(['chromium'], { env, chromiumCandidates: [] })).toEqual([
      expect.stringMatching(/^Chromium: .*not-a-browser \(CHROMIUM_PATH\) does not answer `--version` as a browser does/),
    ])
    expect(await missingTools(['chromium'], { env: { PATH: fakeBin }, chromiumCandidates: [] })).toEqual([])
  })

  it('asks for bubblewrap on Linux only, saying how to install it', async () => {
    expect(await missingTools(['bubblewrap'], { env: { PATH: emptyPath }, platform: 'linux' })).toEqual([
      expect.stringMatching(/^bubblewrap \(bwrap\): not found on PATH; live runs .*`sudo apt-get install bubblewrap`/),
    ])
    expect(await missingTools(['bubblewrap'], { env: { PATH: emptyPath }, platform: 'darwin' })).toEqual([])
  })

  it('finds everything the kit needs on this machine', async () => {
    expect(await missingTools(['rust', 'chromium', 'poppler', 'bubblewrap'])).toEqual([])
  })
})

describe('the commands', () => {
  // Nothing may start before the preflight: a wrong CHROMIUM_PATH ends the
  // command before the check prints its first line.
  it.each([
    ['npm test', ['scripts/test.ts'], 'test: '],
    ['npm run publish', ['scripts/publish.ts', '--out', '/nonexistent/site'], 'publish: ', /--no-pdf. publishes without them/],
  ])('%s stops at once, naming Chromium, when CHROMIUM_PATH points nowhere', async (_name, args, prefix, hint?: RegExp) => {
    const result = await run(join(root, 'node_modules', '.bin', 'tsx'), args, {
      cwd: root,
      env: { ...process.env, CHROMIUM_PATH: '/nowhere' },
      timeoutMs: 120_000,
    })
    expect(result.timedOut).toBe(false)
    expect(result.exitCode).toBe(1)
    expect(result.stderr).toContain(`${prefix}missing what this command needs; nothing was done:\n  Chromium: CHROMIUM_PATH is /nowhere, which does not exist`)
    expect(result.stderr + result.stdout).not.toMatch(/check: |> tsx scripts\/check\.ts/)
    if (hint)
      expect(result.stderr).toMatch(hint)
  }, 130_000)
})
