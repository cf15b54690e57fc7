import type { PublishStages } from './pipeline.ts'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { treeDigest } from '../../../tests/publish/tree.ts'
import { publish } from './pipeline.ts'

let root: string
let dist: string

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true })
  await writeFile(join(root, path), text)
}

/** Stages that write small stand-ins for Slidev's output, failing where asked. */
function fakeStages(failAt: { build?: string, pdf?: string } = {}): PublishStages & { notes: boolean[] } {
  const notes: boolean[] = []
  return {
    notes,
    check: async () => [],
    async exercises(_root, outDir) {
      await mkdir(join(outDir, 'rc'), { recursive: true })
      await writeFile(join(outDir, 'index.html'), 'exercises')
      await writeFile(join(outDir, 'rc', 'starter.rs'), 'fn main() {}')
      return 1
    },
    async build(_root, id, outDir, options) {
      notes.push(options.notes)
      if (id === failAt.build)
        throw new Error(`slidev build of slides/${id}.md failed`)
      await mkdir(outDir, { recursive: true })
      await writeFile(join(outDir, 'index.html'), `<title>${id}</title>`)
    },
    async pdf(deckDir, id, output) {
      if (id === failAt.pdf)
        throw new Error(`PDF of slides/${id}.md failed`)
      // Printed from the deck's own build, which must be there by now.
      const title = await readFile(join(deckDir, 'index.html'), 'utf8')
      await writeFile(output, `%PDF ${title}`)
    },
  }
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'publish-'))
  dist = join(root, 'dist')
  await put('slides/rc.md', '---\ntitle: Rc\nbudget: 12\n---\n\n# Rc\n')
  await put('slides/lesson.md', '---\ntitle: Lesson 2.2\n---\n\n# Lesson\n\n---\nsrc: ./rc.md\n---\n')
  await put('public/favicon.svg', '<svg/>')
  await put('snippets/rc/src/bin/exercise.rs', 'fn main() { todo!() }\n')
  await put('snippets/rc/src/bin/exercise-solution.rs', 'fn main() {}\n')
  // The previous site, which only a complete publish may replace.
  await put('dist/index.html', 'old site')
  await put('dist/rc/index.html', 'old rc')
})
afterEach(() => rm(root, { recursive: true, force: true }))

const leftovers = async () => (await readdir(root)).filter(f => f.includes('staging'))

describe('publish', () => {
  it('replaces dist/ with every deck, PDF, exercise and the index', async () => {
    const lines: string[] = []
    const result = await publish({ root, chromium: '/bin/true', stages: fakeStages(), log: l => lines.push(l) })
    expect(result.decks).toEqual(['rc', 'lesson'])
    expect(result.pdfs).toEqual(['lesson', 'rc'])
    // Each deck gains the manifest link and the worker's registration.
    const rc = await readFile(join(dist, 'rc', 'index.html'), 'utf8')
    expect(rc).toMatch(/^<link rel="manifest" href="\.\.\/manifest\.webmanifest">\n<script>[\s\S]*keep: "rc"[\s\S]*<\/script>\n<title>rc<\/title>$/)
    // The worker keeps every file of every deck; the site is one download.
    const sw = await readFile(join(dist, 'sw.js'), 'utf8')
    expect(sw).toContain('"rc": [\n  "rc/index.html"\n ]')
    expect(JSON.parse(await readFile(join(dist, 'manifest.webmanifest'), 'utf8'))).toMatchObject({ start_url: './', display: 'standalone' })
    const index = await readFile(join(dist, 'index.html'), 'utf8')
    expect(index).toMatch(/<a href="\.\/lesson-2\.2-offline\.zip" download>Download the whole site<\/a> \(zip, \d+\.\d&nbsp;MB\)/)
    expect(existsSync(join(dist, 'lesson-2.2-offline.zip'))).toBe(true)
    expect(existsSync(join(dist, 'pdf', 'lesson.pdf'))).toBe(true)
    // The index and exercises pages use the decks' fonts, shipped beside them.
    expect(existsSync(join(dist, 'fonts', 'atkinson-hyperlegible-next.woff2'))).toBe(true)
    expect(existsSync(join(dist, 'fonts', 'jetbrains-mono.woff2'))).toBe(true)
    expect(existsSync(join(dist, 'exercises', 'rc', 'starter.rs'))).toBe(true)
    expect(await readFile(join(dist, 'index.html'), 'utf8')).toContain('<h1>Lesson 2.2</h1>')
    expect(JSON.parse(await readFile(join(dist, 'publish.json'), 'utf8'))).toMatchObject({ decks: ['rc', 'lesson'], notes: false })
    expect(await leftovers()).toEqual([])
    // Progress per deck and stage.
    expect(lines).toContain('build  [1/2] lesson …')
    expect(lines.some(l => /^pdf {4}\[2\/2\] rc done in/.test(l))).toBe(true)
  })

  it('builds one deck at a time and prints each PDF from its finished build while the next deck builds', async () => {
    await put('slides/box.md', '---\ntitle: Box\nbudget: 12\n---\n\n# Box\n')
    let pdfsNow = 0
    let mostPdfs = 0
    let buildsNow = 0
    let mostBuilds = 0
    let mostTasks = 0
    let tasksNow = 0
    const slow = async (pdf: boolean, write: () => Promise<void>) => {
      tasksNow++
      pdfsNow += pdf ? 1 : 0
      buildsNow += pdf ? 0 : 1
      mostPdfs = Math.max(mostPdfs, pdfsNow)
      mostBuilds = Math.max(mostBuilds, buildsNow)
      mostTasks = Math.max(mostTasks, tasksNow)
      await new Promise(resolve => setTimeout(resolve, 20))
      await write()
      tasksNow--
      pdfsNow -= pdf ? 1 : 0
      buildsNow -= pdf ? 0 : 1
    }
    const fake = fakeStages()
    await publish({
      root,
      chromium: '/bin/true',
      stages: {
        check: fake.check,
        exercises: fake.exercises,
        build: (r, id, out, o) => slow(false, () => fake.build(r, id, out, o)),
        pdf: (dir, id, out, c, kind) => slow(true, () => fake.pdf(dir, id, out, c, kind)),
      },
    })
    expect(mostPdfs).toBe(1)
    expect(mostBuilds).toBe(1)
    expect(mostTasks).toBe(2)
    // A handout per deck; every click step for each topic deck.
    expect((await readdir(join(dist, 'pdf'))).sort()).toEqual(['box-clicks.pdf', 'box.pdf', 'lesson.pdf', 'rc-clicks.pdf', 'rc.pdf'])
    expect(await readFile(join(dist, 'pdf', 'box.pdf'), 'utf8')).toBe('%PDF <title>box</title>')
  })

  it('builds without speaker notes unless asked', async () => {
    const stages = fakeStages()
    await publish({ root, pdf: false, stages })
    await publish({ root, pdf: false, notes: true, stages })
    expect(stages.notes).toEqual([false, false, true, true])
  })

  it.each([
    ['a failing check', { check: async () => ['snippets/rc/expected/clone-counts.stdout:1: stdout differs'] }, 'is unchanged):\nsnippets/rc/expected/clone-counts.stdout:1: stdout differs'],
    ['a failing deck build', fakeStages({ build: 'lesson' }), 'slidev build of slides/lesson.md failed'],
    ['a failing PDF export', fakeStages({ pdf: 'rc' }), 'PDF of slides/rc.md failed'],
  ])('leaves dist/ byte for byte as it was after %s', async (_name, stages, message) => {
    const before = await treeDigest(dist)
    await expect(publish({ root, chromium: '/bin/true', stages: { ...fakeStages(), ...stages } })).rejects.toThrow(message)
    expect(await treeDigest(dist)).toEqual(before)
    expect(await leftovers()).toEqual([])
  })

  it('without Chromium, says how to install it and how to publish without PDFs', async () => {
    const saved = process.env.CHROMIUM_PATH
    process.env.CHROMIUM_PATH = join(root, 'no-such-chromium')
    try {
      const before = await treeDigest(dist)
      await expect(publish({ root, stages: fakeStages() })).rejects.toThrow(/does not exist[\s\S]*npm run publish -- --no-pdf/)
      expect(await treeDigest(dist)).toEqual(before)
      const result = await publish({ root, pdf: false, stages: fakeStages() })
      expect(result.pdfs).toEqual([])
      expect(existsSync(join(dist, 'pdf'))).toBe(false)
      expect(await readFile(join(dist, 'index.html'), 'utf8')).not.toContain('.pdf')
    }
    finally {
      if (saved === undefined)
        delete process.env.CHROMIUM_PATH
      else process.env.CHROMIUM_PATH = saved
    }
  })

  it('publishes into a directory that does not exist yet', async () => {
    const out = join(root, 'site')
    await publish({ root, outDir: out, pdf: false, stages: fakeStages() })
    expect(existsSync(join(out, 'index.html'))).toBe(true)
  })
})
