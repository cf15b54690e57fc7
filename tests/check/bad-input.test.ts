/**
 * Bad input meets the real check on a one-topic kit: each case fails the
 * check with a message naming the file and line, and none of them stops
 * the check with a stack trace (runCheck resolves). A corrupt cache is
 * discarded with one warning, and the check goes on.
 */
import type { CheckReport } from '../../scripts/lib/check.ts'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LESSON_MODEL_VERSION } from '../../core/lesson-model.ts'
import { runCheck } from '../../scripts/lib/check.ts'
import { cachePath } from '../../scripts/lib/check/cache.ts'
import { readLessonModel } from '../../scripts/lib/lesson-model.ts'

let root: string
let baseline: string[]

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true })
  await writeFile(join(root, path), text)
}

const DECK = '---\ntitle: Rc\nbudget: 10\nminutes: 10\n---\n\n# Rc\n\n<<< @/../snippets/rc/src/bin/greeting.rs rust\n'

async function check(log: string[] = []): Promise<CheckReport> {
  return runCheck({ root, log: l => log.push(l) })
}

/** What the check reports beyond what it reported for the untouched kit. */
async function newFailures(): Promise<string[]> {
  const report = await check()
  return [...report.snippets.flatMap(s => s.failures), ...report.problems].filter(f => !baseline.includes(f))
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'check-bad-input-'))
  await put('snippets/Cargo.toml', '[workspace]\nresolver = "2"\nmembers = ["rc"]\n')
  await put('snippets/rc/Cargo.toml', '[package]\nname = "lesson-rc"\nversion = "0.1.0"\nedition = "2024"\npublish = false\n')
  await put('snippets/rc/src/bin/greeting.rs', '//! expect: runs\n\nfn main() {\n    println!("hello");\n}\n')
  await put('snippets/rc/expected/greeting.stdout', 'hello\n')
  await put('slides/rc.md', DECK)
  const report = await check()
  baseline = [...report.snippets.flatMap(s => s.failures), ...report.problems]
  expect(report.snippets.map(s => s.status)).toEqual(['passed'])
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('a corrupt cache that still parses', () => {
  it.each([
    ['entries: null', (c: Record<string, unknown>) => ({ ...c, entries: null }), 'entries: null'],
    ['capture: {}', (c: Record<string, unknown>) => ({ ...c, entries: { 'rc/greeting': { ...(c.entries as Record<string, object>)['rc/greeting'], capture: {} } } }), 'entry "rc/greeting": capture.diagnostics'],
  ])('is discarded with one warning, and the check goes on (%s)', async (_name, corrupt, why) => {
    const cache = JSON.parse(await readFile(cachePath(root), 'utf8')) as Record<string, unknown>
    await writeFile(cachePath(root), JSON.stringify(corrupt(cache)))
    const log: string[] = []
    const report = await check(log)
    expect(report.snippets.map(s => s.status)).toEqual(['passed'])
    expect(log.filter(l => l.startsWith('warning:'))).toEqual([`warning: ${cachePath(root)} is not a cache this check wrote (${why}); discarded, every snippet is run again`])
    // The check wrote a good cache again: the next run reuses it, without a word.
    const next: string[] = []
    await check(next)
    expect(next.filter(l => l.startsWith('warning:'))).toEqual([])
    expect(next).toContain('1 unchanged since the last check, 0 to run')
  })
})

describe('generated/', () => {
  it('holds the lesson model, captures included, and no snippets.json an older kit left', async () => {
    await put('generated/snippets.json', '{"rustc": "old", "snippets": {}}')
    await check()
    expect(existsSync(join(root, 'generated', 'snippets.json'))).toBe(false)
    const model = readLessonModel(root)
    expect(model.version).toBe(LESSON_MODEL_VERSION)
    expect(model.snippets['rc/greeting']!.status).toBe('passed')
    expect(model.rustc).toMatch(/^rustc /)
  })
})

describe('the check fails at the file and line of', () => {
  it('a dangling snippet symlink', async () => {
    await symlink('missing.rs', join(root, 'snippets/rc/src/bin/gone.rs'))
    try {
      expect(await newFailures()).toContain('snippets/rc/src/bin/gone.rs:1: is a symbolic link to missing.rs, which does not exist')
    }
    finally {
      await rm(join(root, 'snippets/rc/src/bin/gone.rs'))
    }
  })

  it('a folder named like a snippet', async () => {
    await mkdir(join(root, 'snippets/rc/fail/x.rs'), { recursive: true })
    try {
      expect(await newFailures()).toContain('snippets/rc/fail/x.rs:1: is a folder; a snippet is one `.rs` file (rename the folder, or move its files out)')
    }
    finally {
      await rm(join(root, 'snippets/rc/fail'), { recursive: true })
    }
  })

  it('a snippet that starts with a byte order mark', async () => {
    const path = 'snippets/rc/src/bin/greeting.rs'
    const before = await readFile(join(root, path), 'utf8')
    await put(path, `\uFEFF${before}`)
    try {
      expect(await newFailures()).toContain(`${path}:1: the file starts with a byte order mark (U+FEFF); save it as UTF-8 without one`)
    }
    finally {
      await put(path, before)
    }
  })

  it('a run whose recording has a line that is not JSON', async () => {
    const path = 'snippets/rc/src/bin/greeting.rs'
    const before = await readFile(join(root, path), 'utf8')
    await put(path, '//! expect: runs\n\nfn main() {\n    if let Ok(file) = std::env::var("LESSON_TRACE") {\n        std::fs::write(file, "{\\"seq\\": 0, \\"ev\\": \\"step\\"\\n").unwrap();\n    }\n    println!("hello");\n}\n')
    try {
      expect(await newFailures()).toContainEqual(expect.stringMatching(/^snippets\/rc\/src\/bin\/greeting\.rs:1: its run wrote a recording the check cannot read: snippet "rc\/greeting", recording line 1: not JSON \(/))
    }
    finally {
      await put(path, before)
    }
  })

  it.each([
    ['an unclosed quote', DECK.replace('minutes: 10', 'minutes: "10'), 'slides/rc.md:4: the frontmatter is not valid YAML: Missing closing "quote'],
    ['a tab as indentation', DECK.replace('minutes: 10', 'minutes: 10\n\tsection: one'), 'slides/rc.md:5: the frontmatter is not valid YAML: Tabs are not allowed as indentation'],
  ])('a deck\'s frontmatter with %s', async (_name, deck, message) => {
    await put('slides/rc.md', deck)
    try {
      expect(await newFailures()).toContain(message)
    }
    finally {
      await put('slides/rc.md', DECK)
    }
  })

  it.each([
    ['/etc/hostname', '/etc/hostname'],
    ['@/../../../etc/hostname', '/etc/hostname'],
    ['../../outside.rs', '<tmp>/outside.rs'],
  ])('a snippet import outside the kit: <<< %s', async (path, target) => {
    await put('slides/rc.md', `${DECK}\n<<< ${path} rust\n`)
    try {
      const found = await newFailures()
      expect(found).toContain(`slides/rc.md:11: \`<<< ${path}\` imports ${target.replace('<tmp>', dirname(root))}, which is outside the kit; import snippets from snippets/, e.g. \`<<< @/../snippets/<topic>/src/bin/<name>.rs\``)
    }
    finally {
      await put('slides/rc.md', DECK)
    }
  })

  it('a snippet import through a link that leads outside the kit', async () => {
    await symlink('/etc', join(root, 'slides', 'etc'))
    await put('slides/rc.md', `${DECK}\n<<< ./etc/hostname\n`)
    try {
      expect(await newFailures()).toContainEqual(expect.stringMatching(/^slides\/rc\.md:11: `<<< \.\/etc\/hostname` imports .*\/slides\/etc\/hostname, which is outside the kit/))
    }
    finally {
      await put('slides/rc.md', DECK)
      await rm(join(root, 'slides', 'etc'))
    }
  })
})
