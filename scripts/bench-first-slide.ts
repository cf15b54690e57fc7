/**
 * `npx tsx scripts/bench-first-slide.ts [--deck lesson] [--skip-build <dir>] [--plain <dir>] [--files]`
 *
 * JavaScript the browser loads before a deck's first slide has rendered, in
 * the build learners get (without speaker notes, as `npm run publish`
 * builds it) served on loopback, against a plain Slidev deck of the same
 * version (3 slides, no addon) built in the same run. Target: no more than
 * the plain deck. `--files` lists each script with its size.
 * `--same-length` also builds a plain deck with as many slides as the deck
 * (`# Slide n` each): Slidev's entry holds every slide's metadata and
 * loader, so this shows what the deck costs beyond its length. The editor
 * and watch-mode timings are `scripts/bench-editor.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildDeck } from '../adapter/slidev/cli.ts'
import { LessonError } from '../core/errors.ts'
import { LESSON_ID } from '../core/topics.ts'
import { launchChromium } from './lib/browser.ts'
import { defineCommand } from './lib/command.ts'
import { beforeFirstSlide, buildPlainDeck, kib, plainDeckOf } from './lib/first-slide.ts'
import { modelDeck, readLessonModel } from './lib/lesson-model.ts'
import { serveStatic } from './lib/static-server.ts'

const root = fileURLToPath(new URL('..', import.meta.url))

export const command = defineCommand({
  name: 'bench-first-slide',
  summary: 'JavaScript loaded before a built deck\'s first slide, against a plain Slidev deck built in the same run',
  usage: 'npx tsx scripts/bench-first-slide.ts [--deck <id>] [--skip-build <dir>] [--plain <dir>] [--files] [--same-length]',
  options: {
    'deck': { type: 'string', value: 'id', description: `the deck to build and measure (default ${LESSON_ID})` },
    'skip-build': { type: 'string', value: 'dir', description: 'measure this already built deck instead of building one' },
    'plain': { type: 'string', value: 'dir', description: 'measure this already built plain deck instead of building one' },
    'files': { type: 'boolean', description: 'list every script fetched, with its size' },
    'same-length': { type: 'boolean', description: 'also measure a plain deck with as many slides as the deck' },
  },
  examples: ['npx tsx scripts/bench-first-slide.ts --files'],
  async run({ values }) {
    const deck = values.deck ?? LESSON_ID
    const temp = await mkdtemp(join(tmpdir(), 'bench-first-slide-'))
    try {
      const deckDir = values['skip-build'] ?? join(temp, deck)
      if (!values['skip-build'])
        await buildDeck(root, deck, deckDir, ['--without-notes'])
      const plainDir = values.plain ?? join(temp, 'plain')
      if (!values.plain)
        await buildPlainDeck(root, plainDir)
      let longDir: string | null = null
      let slideCount = 0
      if (values['same-length']) {
        const d = modelDeck(readLessonModel(root), deck)
        if (!d)
          throw new LessonError(`no deck \`${deck}\` in slides/`)
        slideCount = d.shown.length
        longDir = join(temp, 'plain-long')
        await buildPlainDeck(root, longDir, plainDeckOf(slideCount))
      }
      const browser = await launchChromium()
      const a = await serveStatic(deckDir)
      const b = await serveStatic(plainDir)
      try {
        const lesson = await beforeFirstSlide(browser, `${a.url}#/1`)
        const plain = await beforeFirstSlide(browser, `${b.url}#/1`)
        if (values.files) {
          for (const [name, load] of [[deck, lesson], ['plain', plain]] as const)
            console.log(`${name}:\n${load.files.map(f => `  ${kib(f.bytes).padStart(8)}  ${f.name}`).join('\n')}`)
        }
        const met = lesson.bytes <= plain.bytes
        if (longDir) {
          const c = await serveStatic(longDir)
          try {
            const long = await beforeFirstSlide(browser, `${c.url}#/1`)
            console.log(`JS before the first slide: ${deck} ${kib(lesson.bytes)} vs a plain Slidev deck of the same ${slideCount} slides ${kib(long.bytes)}: ratio ${(lesson.bytes / long.bytes).toFixed(2)}`)
          }
          finally {
            await c.close()
          }
        }
        console.log(`JS before the first slide: ${deck} ${kib(lesson.bytes)} in ${lesson.files.length} files vs plain Slidev ${kib(plain.bytes)} in ${plain.files.length} files: ratio ${(lesson.bytes / plain.bytes).toFixed(2)} (target ≤ 1.00: ${met ? 'met' : 'MISSED'})`)
        return met ? 0 : 1
      }
      finally {
        await a.close()
        await b.close()
        await browser.close()
      }
    }
    finally {
      await rm(temp, { recursive: true, force: true })
    }
  },
})
command.mainIfEntry(import.meta.url)
