import type { PublishStages } from './pipeline.ts'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { treeDigest } from '../../../tests/publish/tree.ts'
import { compileLessonModel } from '../lesson-model.ts'
import { publish } from './pipeline.ts'
import { SITE_MARKER } from './swap.ts'

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
    // The check's product that the rest reads: the lesson model of the decks.
    check: async (root) => {
      await compileLessonModel(root, { write: true })
      return []
    },
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
    // A stand-in deck is one file already.
    singleFile: async () => {},
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
  await put(`dist/${SITE_MARKER}`, 'published')
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
        singleFile: fake.singleFile,
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

describe('what publish may replace', () => {
  /** Publish into `out`, recording whether the check ever started. */
  async function attempt(out: string): Promise<{ error: unknown, checked: boolean }> {
    let checked = false
    const stages = { ...fakeStages(), check: async () => {
      checked = true
      await compileLessonModel(root, { write: true })
      return []
    } }
    try {
      await publish({ root, outDir: out, pdf: false, stages })
      return { error: null, checked }
    }
    catch (error) {
      return { error, checked }
    }
  }

  it('refuses a folder with files no publish wrote, leaving it as it was and starting nothing', async () => {
    await put('notes/todo.txt', 'keep me')
    await put('notes/more/plan.md', 'and me')
    const before = await treeDigest(join(root, 'notes'))
    const { error, checked } = await attempt(join(root, 'notes'))
    expect(String(error)).toMatch(/^LessonError: cannot publish into \/.*\/notes: it holds files no publish wrote \(more, todo\.txt; a published site holds \.lesson-site\)/)
    expect(String(error)).not.toContain('\n')
    expect(checked).toBe(false)
    expect(await treeDigest(join(root, 'notes'))).toEqual(before)
    expect(await leftovers()).toEqual([])
  })

  it('refuses a file', async () => {
    await put('site.html', 'a page')
    const { error, checked } = await attempt(join(root, 'site.html'))
    expect(String(error)).toMatch(/cannot publish into .*site\.html: it is a file/)
    expect(checked).toBe(false)
    expect(await readFile(join(root, 'site.html'), 'utf8')).toBe('a page')
  })

  it('refuses the kit\'s own folder and every folder that holds it', async () => {
    for (const out of [root, join(root, 'slides', '..'), dirname(root), '/']) {
      const { error, checked } = await attempt(out)
      expect(String(error)).toMatch(/cannot publish into .*: it (is|holds) the kit's own folder/)
      expect(checked).toBe(false)
    }
    expect(existsSync(join(root, 'slides', 'rc.md'))).toBe(true)
  })

  it('refuses, in one line, a folder whose parent does not exist', async () => {
    const { error, checked } = await attempt(join(root, 'no', 'such', 'site'))
    expect(String(error)).toMatch(/^LessonError: cannot publish into \/.*\/no\/such\/site: its parent folder \/.*\/no\/such does not exist; create it first or choose another folder$/)
    expect(checked).toBe(false)
  })

  it('refuses at once a site that cannot be replaced (immutable, or read-only), leaving it as it was', async () => {
    const before = await treeDigest(dist)
    // root ignores modes: an immutable folder is what stops it.
    const lock = process.getuid?.() === 0 ? ['chattr', '+i', dist] : ['chmod', '0555', dist]
    const unlock = process.getuid?.() === 0 ? ['chattr', '-i', dist] : ['chmod', '0755', dist]
    execFileSync(lock[0]!, lock.slice(1))
    try {
      const { error, checked } = await attempt(dist)
      expect(String(error)).toMatch(/cannot publish into .*\/dist: .*\/dist cannot be written \((EPERM: immutable\?|EACCES)\)/)
      expect(checked).toBe(false)
    }
    finally {
      execFileSync(unlock[0]!, unlock.slice(1))
    }
    expect(await treeDigest(dist)).toEqual(before)
    expect(await leftovers()).toEqual([])
  })

  it('replaces an empty folder and a site it published, which then holds the marker, readable by everyone', async () => {
    await mkdir(join(root, 'empty'))
    expect((await attempt(join(root, 'empty'))).error).toBe(null)
    expect(existsSync(join(root, 'empty', SITE_MARKER))).toBe(true)
    expect((await attempt(join(root, 'empty'))).error).toBe(null)
    expect((await stat(join(root, 'empty'))).mode & 0o777).toBe(0o755)
    expect((await stat(dist)).isDirectory()).toBe(true)
  })

  it('replaces a site published before sites were marked (it has publish\'s publish.json)', async () => {
    await rm(join(dist, SITE_MARKER))
    await put('dist/publish.json', JSON.stringify({ decks: ['rc'], pdfs: [], notes: false, durationMs: 1 }))
    expect((await attempt(dist)).error).toBe(null)
    expect(await readFile(join(dist, 'rc', 'index.html'), 'utf8')).toContain('<title>rc</title>')
  })

  it('removes what a killed publish left beside the site, and puts the site back if it was killed mid-swap', async () => {
    // A publish killed while building, and one killed between the swap's two renames.
    await put('.dist-staging-999999-abcdef/rc/index.html', 'half a deck')
    await rename(dist, join(root, '.dist-staging-999998-ghijkl-previous'))
    const lines: string[] = []
    const before = await treeDigest(join(root, '.dist-staging-999998-ghijkl-previous'))
    let checked = false
    await publish({ root, pdf: false, log: l => lines.push(l), stages: { ...fakeStages({ build: 'rc' }), check: async () => {
      checked = true
      await compileLessonModel(root, { write: true })
      return []
    } } }).catch(() => {})
    expect(checked).toBe(true)
    expect(lines).toContain('start  put back dist/ from .dist-staging-999998-ghijkl-previous, left by a publish that was killed while replacing it')
    expect(lines).toContain('start  removed .dist-staging-999999-abcdef, left by a publish that was killed')
    expect(await treeDigest(dist)).toEqual(before)
    expect(await leftovers()).toEqual([])
  })

  it('git ignores what a killed publish leaves beside dist/', () => {
    const kit = fileURLToPath(new URL('../../..', import.meta.url))
    for (const left of ['.dist-staging-123-abcdef/index.html', '.dist-staging-123-abcdef-previous/index.html'])
      expect(execFileSync('git', ['check-ignore', '--no-index', left], { cwd: kit, encoding: 'utf8' }).trim()).toBe(left)
  })

  it('leaves alone the staging folder of a publish still running', async () => {
    await put(`.dist-staging-${process.pid}-abcdef/index.html`, 'being built')
    await publish({ root, pdf: false, stages: fakeStages() })
    expect(await leftovers()).toEqual([`.dist-staging-${process.pid}-abcdef`])
  })
})
