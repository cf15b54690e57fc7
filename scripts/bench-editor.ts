/**
 * `npx tsx scripts/bench-editor.ts [--runs 5] [--saves 10] [--skip-build <dir>] [--files]`
 *
 * What live slides cost and how fast they answer, each against a baseline
 * measured in the same run:
 *   - JavaScript loaded before the lesson's first slide has rendered, in
 *     the deck learners get (built without notes, as `npm run publish`
 *     does) served on loopback, against a plain Slidev deck of the same
 *     version (3 slides, no addon) built now; target: no more than plain,
 *     and the editor's chunk not among it;
 *   - the editor interactive after its slide is entered (from the slide
 *     before, which prefetches it), median of `--runs`; target ≤ 300 ms,
 *     printed against the time the plain deck takes to show its next slide;
 *   - watch mode: a saved snippet shown updated on its slide in the dev
 *     server (warm), median of `--saves`; target ≤ 2 s, printed against a
 *     bare `rustc` of the same file.
 * Live runs against bare rustc are `scripts/bench-live.ts`.
 */
import type { Browser, Page } from 'playwright-core'
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildDeck } from '../adapter/slidev/cli.ts'
import { LessonError } from '../core/errors.ts'
import { LESSON_ID } from '../core/topics.ts'
import { startDevServer } from '../tests/live/dev-server.ts'
import { launchChromium } from './lib/browser.ts'
import { defineCommand } from './lib/command.ts'
import { beforeFirstSlide, buildPlainDeck, kib } from './lib/first-slide.ts'
import { copyKitWithCode } from './lib/kit-copy.ts'
import { run } from './lib/process.ts'
import { serveStatic } from './lib/static-server.ts'
import { median } from './lib/stats.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const INTERACTIVE_TARGET_MS = 300
const SAVE_TARGET_MS = 2000

const load = () => loadavg().map(l => l.toFixed(1)).join(' ')

/** The first slide (1-based) of a built deck holding a live editor, found by walking it. */
async function firstLiveSlide(page: Page, url: string): Promise<number> {
  await page.goto(`${url}#/1`)
  for (let n = 1; n <= 400; n++) {
    await page.evaluate(no => location.hash = `#/${no}`, n)
    const ok = await page.locator(`.slidev-page-${n}`).waitFor({ timeout: 5000 }).then(() => true, () => false)
    if (!ok)
      break
    if (await page.locator(`.slidev-page-${n} .live-snippet`).count())
      return n
  }
  throw new LessonError(`no live slide found in ${url}`)
}

/** ms from entering slide `n` (coming from `n - 1`, settled) until `ready` holds; empty cache each time. */
async function enterSlide(browser: Browser, url: string, n: number, ready: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  const page = await context.newPage()
  await page.goto(`${url}#/${n - 1}`, { waitUntil: 'networkidle' })
  await page.waitForTimeout(500)
  const started = performance.now()
  await page.evaluate(no => location.hash = `#/${no}`, n)
  await page.waitForFunction(ready, undefined, { polling: 'raf', timeout: 30_000 })
  const ms = performance.now() - started
  await context.close()
  return ms
}

async function measureBuilt(browser: Browser, lessonDir: string, plainDir: string, runs: number, files: boolean): Promise<boolean> {
  const lesson = await serveStatic(lessonDir)
  const plain = await serveStatic(plainDir)
  let ok = true
  try {
    const a = await beforeFirstSlide(browser, `${lesson.url}#/1`)
    const b = await beforeFirstSlide(browser, `${plain.url}#/1`)
    const editorEarly = a.files.map(f => f.name).filter(f => f.startsWith('codemirror-'))
    const met = a.bytes <= b.bytes && editorEarly.length === 0
    ok &&= met
    if (files)
      console.log(`lesson: ${a.files.map(f => f.name).join(' ')}\nplain: ${b.files.map(f => f.name).join(' ')}`)
    console.log(`JS before the first slide: lesson ${kib(a.bytes)} in ${a.files.length} files vs plain Slidev ${kib(b.bytes)} in ${b.files.length} files: ratio ${(a.bytes / b.bytes).toFixed(2)} (target ≤ 1.00, editor chunk not loaded: ${editorEarly.length ? `LOADED ${editorEarly.join(' ')}` : 'yes'}; ${met ? 'met' : 'MISSED'})`)

    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    const n = await firstLiveSlide(page, lesson.url)
    await page.close()
    const editable = `(() => { const c = document.querySelector('.slidev-page-${n} .cm-content[contenteditable=true]'); return !!c && c.getBoundingClientRect().height > 0 })()`
    const shown = `(() => { const l = document.querySelector('.slidev-page-3 .slidev-layout'); return !!l && l.getBoundingClientRect().height > 0 })()`
    const times: number[] = []
    const plainTimes: number[] = []
    for (let i = 0; i < runs; i++) {
      times.push(await enterSlide(browser, lesson.url, n, editable))
      plainTimes.push(await enterSlide(browser, plain.url, 3, shown))
    }
    const m = median(times)
    const p = median(plainTimes)
    const met2 = m <= INTERACTIVE_TARGET_MS
    ok &&= met2
    console.log(`editor interactive after entering slide ${n} of ${LESSON_ID}: ${m.toFixed(0)} ms median of ${runs} (${times.map(t => t.toFixed(0)).join(', ')}); a plain deck's next slide shown: ${p.toFixed(0)} ms; ratio ${(m / p).toFixed(2)} (target ≤ ${INTERACTIVE_TARGET_MS} ms: ${met2 ? 'met' : 'MISSED'})`)
  }
  finally {
    await lesson.close()
    await plain.close()
  }
  return ok
}

async function measureWatch(browser: Browser, saves: number): Promise<boolean> {
  const kit = await copyKitWithCode()
  const file = 'snippets/rc/fail/rc-no-mut.rs'
  // The watch-mode test's deck, in the copy: one live slide showing `file`.
  const deck = join(kit.root, 'tests', 'fixtures', 'watch.md')
  const server = await startDevServer(180_000, { root: kit.root, deck })
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    await page.goto(`${server.origin}/#/1`, { waitUntil: 'networkidle', timeout: 180_000 })
    await page.reload({ waitUntil: 'networkidle', timeout: 180_000 })
    await page.locator('.live-output').waitFor({ timeout: 180_000 })
    const original = await kit.read(file)
    const times: number[] = []
    const bare: number[] = []
    // One save first, so the check's and the server's code are warm.
    for (let i = 0; i <= saves; i++) {
      const next = `points${i}`
      const text = original.replaceAll('scores', next)
      const started = performance.now()
      await kit.write(file, text)
      // Updated: the captured error shows the new code (it came from the check), and so does the editor.
      await page.waitForFunction(`(() => {
        const out = document.querySelector('.live-output')?.textContent ?? ''
        const code = document.querySelector('.cm-content')?.textContent ?? ''
        return out.includes('${next}.push(30)') && code.includes('${next}.push(30)')
      })()`, undefined, { polling: 'raf', timeout: 30_000 })
      const ms = performance.now() - started
      const t0 = performance.now()
      await run('rustc', ['--edition', '2021', '--error-format=json', '-o', join(kit.root, 'bench-bin'), join(kit.root, file)])
      if (i > 0) {
        times.push(ms)
        bare.push(performance.now() - t0)
      }
    }
    const m = median(times)
    const b = median(bare)
    const met = m <= SAVE_TARGET_MS
    console.log(`saved snippet shown updated on its slide: ${m.toFixed(0)} ms median of ${saves} warm saves (${times.map(t => t.toFixed(0)).join(', ')}); a bare rustc of the file: ${b.toFixed(0)} ms; ratio ${(m / b).toFixed(2)} (target ≤ ${SAVE_TARGET_MS} ms: ${met ? 'met' : 'MISSED'})`)
    await page.close()
    return met
  }
  finally {
    await server.close()
    await kit.remove()
  }
}

export const command = defineCommand({
  name: 'bench-editor',
  summary: 'JavaScript before the lesson\'s first slide against a plain Slidev deck, the editor interactive after its slide is entered, and a saved snippet shown updated on its slide (targets: ≤ plain, ≤ 300 ms, ≤ 2 s)',
  usage: 'npx tsx scripts/bench-editor.ts [--runs 5] [--saves 10] [--skip-build <dir>] [--files]',
  options: {
    'runs': { type: 'string', value: 'n', default: '5', description: 'times the editor is entered (default 5)' },
    'saves': { type: 'string', value: 'n', default: '10', description: 'warm saves of a snippet timed (default 10)' },
    'skip-build': { type: 'string', value: 'dir', description: 'measure this already built lesson (built without notes) instead of building one' },
    'files': { type: 'boolean', description: 'list the scripts each deck fetched before its first slide' },
  },
  examples: ['npx tsx scripts/bench-editor.ts --runs 3 --saves 5'],
  async run({ values }) {
    const runs = Number(values.runs)
    const saves = Number(values.saves)
    if (!(runs >= 1) || !(saves >= 1))
      throw new LessonError(`--runs and --saves take a whole number of at least 1 (got ${values.runs} and ${values.saves})`)
    const temp = await mkdtemp(join(tmpdir(), 'bench-editor-'))
    const browser = await launchChromium()
    let ok = true
    try {
      console.error(`bench: building ${LESSON_ID} and a plain Slidev deck (load average ${load()})`)
      const lessonDir = values['skip-build'] ?? join(temp, LESSON_ID)
      // The build learners get (`npm run publish`): without speaker notes, which Slidev puts in the entry chunk.
      if (!values['skip-build'])
        await buildDeck(root, LESSON_ID, lessonDir, ['--without-notes'])
      const plainDir = join(temp, 'plain')
      await buildPlainDeck(root, plainDir)
      ok = await measureBuilt(browser, lessonDir, plainDir, runs, values.files)
      ok = await measureWatch(browser, saves) && ok
      console.log(`load average: ${load()}`)
    }
    finally {
      await browser.close()
      await rm(temp, { recursive: true, force: true })
    }
    return ok ? 0 : 1
  },
})

command.mainIfEntry(import.meta.url)
