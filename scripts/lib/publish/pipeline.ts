import type { SiteModel } from '../site-index.ts'
import type { PdfKind, PdfPrinter } from './pdf.ts'
/**
 * `npm run publish`, as a function: the check, then every deck built and
 * exported into a staging directory, then the index, then one swap into
 * place. Any failure leaves the previous site exactly as it was.
 *
 * The stages are injectable so tests can make one fail without Slidev.
 */
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { stripVTControlCharacters } from 'node:util'
import { buildDeck } from '../../../adapter/slidev/cli.ts'
import { LessonError } from '../../../core/errors.ts'
import { LESSON_ID } from '../../../core/topics.ts'
import { findChromium } from '../browser.ts'
import { runCheck } from '../check.ts'
import { reportFailures } from '../check/report.ts'
import { writeExercises } from '../exercises.ts'
import { deckSetOf, readLessonModel } from '../lesson-model.ts'
import { interrupted } from '../process.ts'
import { writeSiteFonts } from '../site-fonts.ts'
import { collectSite, linkedDecks, renderIndex } from '../site-index.ts'
import { renderGlossary, renderSearch, searchEntries } from '../site-pages.ts'
import { DOWNLOAD_NAME, finishDeck, writeDownload, writeOffline } from './offline.ts'
import { pdfName, pdfPrinter, printPdf } from './pdf.ts'
import { writeSingleFile } from './single-file.ts'
import { checkTarget, cleanLeftovers, makeStaging, removeAside, swapInto, writeMarker } from './swap.ts'

export interface PublishStages {
  /** Runs the check; returns its failures, formatted (empty when green). */
  check: (root: string, log: (line: string) => void) => Promise<string[]>
  /** Builds deck `id` into `outDir` (absolute), with or without speaker notes. */
  build: (root: string, id: string, outDir: string, options: { notes: boolean }) => Promise<void>
  /** Writes the single-file copy of the deck built in `deckDir` beside it (`offline.html`). */
  singleFile: (deckDir: string) => Promise<void>
  /** Prints deck `id`, built in `deckDir` by `build`, to the PDF `output` with the run's Chromium: its handout, or every click step. */
  pdf: (deckDir: string, id: string, output: string, printer: PdfPrinter, kind: PdfKind) => Promise<void>
  /** Writes the exercises page, starters and archives into `outDir`; returns how many exercises. */
  exercises: (root: string, outDir: string) => Promise<number>
}

export interface PublishOptions {
  root: string
  /** The published directory, replaced as a whole. Default `<root>/dist`. */
  outDir?: string
  /** Export PDFs (needs Chromium). Default true. */
  pdf?: boolean
  /** Keep speaker notes in the web decks. Default false. */
  notes?: boolean
  /** Progress lines (stderr in the command). */
  log?: (line: string) => void
  /** Where Chromium is; found with `findChromium` when not given. */
  chromium?: string
  stages?: Partial<PublishStages>
}

export interface PublishResult {
  outDir: string
  decks: string[]
  /** Decks with a handout, `pdf/<id>.pdf`. */
  pdfs: string[]
  /** Decks with every click step printed, `pdf/<id>-clicks.pdf`. */
  clickPdfs: string[]
  durationMs: number
  site: SiteModel
}

/** What `dist/publish.json` records, for the browser test and for people. */
export interface PublishManifest {
  decks: string[]
  pdfs: string[]
  clickPdfs: string[]
  notes: boolean
  durationMs: number
}

export const defaultStages: PublishStages = {
  async check(root, log) {
    const report = await runCheck({ root, log })
    return reportFailures(report)
  },
  async build(root, id, outDir, { notes }) {
    // Slidev leaves the notes out of every slide's data and of the bundle.
    await buildDeck(root, id, outDir, notes ? [] : ['--without-notes'])
  },
  async singleFile(deckDir) {
    await writeSingleFile(deckDir)
  },
  pdf: printPdf,
  exercises: async (root, outDir) => (await writeExercises(root, outDir)).exercises.length,
}

/** Staging directories not yet swapped in, for a command interrupted midway to remove. */
export const stagingDirs = new Set<string>()

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

export async function publish(options: PublishOptions): Promise<PublishResult> {
  const started = performance.now()
  const { root } = options
  const outDir = options.outDir ?? join(root, 'dist')
  const wantPdf = options.pdf ?? true
  const keepNotes = options.notes ?? false
  const log = options.log ?? (() => {})
  const stages = { ...defaultStages, ...options.stages }
  const stage = (name: string, line: string) => log(`${name.padEnd(6)} ${line}`)

  // Before the long part: a target publish must not replace fails now.
  for (const line of await cleanLeftovers(outDir))
    stage('start', line)
  await checkTarget(outDir, root)

  const t0 = performance.now()
  const failures = await stages.check(root, line => stage('check', line))
  if (failures.length) {
    throw new LessonError(`the check failed, nothing was published (${relative(root, outDir) || outDir} is unchanged):\n${failures.join('\n')}`)
  }
  stage('check', `passed in ${seconds(performance.now() - t0)}`)

  // The lesson model the check just compiled: every deck's headmatter, read before the long part (a malformed budget fails now).
  const model = readLessonModel(root)
  const site = await collectSite(root, { pdf: wantPdf }, model)
  for (const w of site.warnings)
    stage('index', `warning: ${w}`)
  const decks = linkedDecks(site)
  if (!decks.length)
    throw new LessonError('no deck in slides/: nothing to publish')
  const chromium = wantPdf ? options.chromium ?? findChromiumOrExplain() : null

  const staging = await makeStaging(outDir)
  stagingDirs.add(staging)
  try {
    stage('build', `${decks.length} decks${keepNotes ? ' (with speaker notes)' : ''}${chromium ? `, ${decks.length} PDFs with ${chromium}` : ', no PDFs'} into ${relative(root, staging)}`)
    // Three lanes. Builds run one at a time: Slidev writes shared files under
    // slides/node_modules/.slidev while it builds, and two builds at once
    // once read each other's half-written file. Each deck's single-file copy
    // is made from its finished build, and its PDF printed from it, in
    // lesson order, while the next deck builds.
    const order = [LESSON_ID, ...decks.filter(d => d !== LESSON_ID)].filter(d => decks.includes(d))
    const pdfOrder = chromium ? order : []
    // Every click step on its own page, for a topic deck: the whole lesson's would repeat them all.
    const clickOrder = pdfOrder.filter(id => id !== LESSON_ID)
    if (chromium)
      await mkdir(join(staging, 'pdf'))
    // One Chromium prints every PDF, launched at the first.
    const printer = chromium ? pdfPrinter(chromium) : null
    let failed: unknown = null
    // Never rejects: a failure is kept in `failed` and stops both lanes.
    const runTask = async (kind: 'build' | 'single' | 'pdf', id: string, n: number, of: number, work: () => Promise<void>) => {
      if (failed)
        return
      const label = `[${n}/${of}] ${id}`
      const t = performance.now()
      stage(kind, `${label} …`)
      try {
        await work()
        stage(kind, `${label} done in ${seconds(performance.now() - t)}`)
      }
      catch (error) {
        // Slidev colours its errors; the message is read in logs too.
        if (error instanceof Error)
          error.message = stripVTControlCharacters(error.message)
        failed ??= error
        // Killed by an interrupt: the command says so, once.
        if (!interrupted())
          stage(kind, `${label} failed after ${seconds(performance.now() - t)}`)
      }
    }
    // Each deck's build, chained after the one before it.
    let builds = Promise.resolve()
    const built = new Map(order.map((id, i) => {
      builds = builds.then(() => runTask('build', id, i + 1, order.length, () => stages.build(root, id, join(staging, id), { notes: keepNotes })))
      return [id, builds] as const
    }))
    const pdfLane = async () => {
      for (const [i, id] of pdfOrder.entries()) {
        await built.get(id)
        await runTask('pdf', id, i + 1, pdfOrder.length, async () => {
          await stages.pdf(join(staging, id), id, join(staging, 'pdf', pdfName(id, 'handout')), printer!, 'handout')
          if (clickOrder.includes(id))
            await stages.pdf(join(staging, id), id, join(staging, 'pdf', pdfName(id, 'clicks')), printer!, 'clicks')
        })
      }
    }
    const singleLane = async () => {
      for (const [i, id] of order.entries()) {
        await built.get(id)
        await runTask('single', id, i + 1, order.length, () => stages.singleFile(join(staging, id)))
      }
    }
    try {
      await Promise.all([builds, singleLane(), pdfLane()])
    }
    finally {
      await printer?.close()
    }
    if (failed)
      throw failed

    const t1 = performance.now()
    await copyFile(join(root, 'public', 'favicon.svg'), join(staging, 'favicon.svg'))
    const exercises = site.topics.some(t => t.exercise) ? await stages.exercises(root, join(staging, 'exercises')) : 0
    for (const id of decks)
      await finishDeck(join(staging, id), id)
    const quizzes = model.quizzesByDeck
    await writeSiteFonts(staging)
    await writeFile(join(staging, 'glossary.html'), renderGlossary())
    await writeFile(join(staging, 'search.html'), renderSearch(searchEntries(deckSetOf(model))))
    // The copy inside the download says it is the offline copy; the hosted one offers it.
    await writeFile(join(staging, 'index.html'), renderIndex(site, { quizzes, download: 'inside' }))
    const title = (site.lesson?.title ?? 'Lesson 2.2').replace(/`/g, '')
    await writeOffline(staging, decks, title)
    const bytes = await writeDownload(staging, decks)
    await writeFile(join(staging, 'index.html'), renderIndex(site, { quizzes, download: { href: DOWNLOAD_NAME, bytes } }))
    // Again: the worker's cache name follows the index it keeps.
    const precache = await writeOffline(staging, decks, title)
    stage('index', `${DOWNLOAD_NAME} ${(bytes / 1024 / 1024).toFixed(1)} MB; service worker keeps ${Object.values(precache.decks).flat().length + precache.shell.length + precache.rest.length} files`)
    const durationMs = performance.now() - started
    const manifest: PublishManifest = { decks, pdfs: pdfOrder, clickPdfs: clickOrder, notes: keepNotes, durationMs: Math.round(durationMs) }
    await writeFile(join(staging, 'publish.json'), `${JSON.stringify(manifest, null, 2)}\n`)
    stage('index', `index.html, exercises page with ${exercises} exercises in ${seconds(performance.now() - t1)}`)

    await writeMarker(staging)
    const aside = swapInto(staging, outDir)
    stagingDirs.delete(staging)
    const warning = aside && await removeAside(aside)
    if (warning)
      stage('done', `warning: ${warning}`)
    stage('done', `${relative(root, outDir) || outDir}/ replaced`)
    return { outDir, decks, pdfs: pdfOrder, clickPdfs: clickOrder, durationMs: performance.now() - started, site }
  }
  finally {
    if (stagingDirs.has(staging)) {
      await rm(staging, { recursive: true, force: true })
      stagingDirs.delete(staging)
    }
  }
}

function findChromiumOrExplain(): string {
  try {
    return findChromium()
  }
  catch (error) {
    if (error instanceof LessonError)
      throw new LessonError(`${error.message}.\nThe PDFs need it. To publish the web site without PDFs, run \`npm run publish -- --no-pdf\``)
    throw error
  }
}
