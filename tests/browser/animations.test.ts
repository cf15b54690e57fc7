import type { Browser, Page } from 'playwright-core'
import type { LessonModel } from '../../core/lesson-model.ts'
import type { CountEvent, LockEvent, TraceEvent } from '../../core/trace.ts'
import type { StaticServer } from '../../scripts/lib/static-server.ts'
import type { ScratchSite } from './scratch-site.ts'
/**
 * The animations in a real browser, built the way learners get them: a
 * small deck (`tests/fixtures/animations.md`) stepped with the keyboard,
 * and what each step shows compared with the recordings the check stored.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { slidevBin } from '../../adapter/slidev/cli.ts'
import { parseTrace, splitSteps } from '../../core/trace.ts'
import { readLessonModel } from '../../scripts/lib/lesson-model.ts'
import { run } from '../../scripts/lib/process.ts'
import { scratchSite } from './scratch-site.ts'

const root = fileURLToPath(new URL('../..', import.meta.url))

let site: ScratchSite | undefined
let model: LessonModel | undefined
let server: StaticServer
let browser: Browser

function recording(id: string): TraceEvent[] {
  // A missing model, or one of another version, is refused naming it and saying to run the check.
  model ??= readLessonModel(root)
  return parseTrace(id, model.snippets[id]?.trace ?? [])
}

beforeAll(async () => {
  site = await scratchSite('lesson-animations-', async (out) => {
    const deck = join(root, 'tests', 'fixtures', 'animations.md')
    const result = await run(slidevBin(root), ['build', deck, '--out', join(out, 'deck'), '--base', './'], { cwd: root, env: { ...process.env, NODE_ENV: 'production' } })
    if (result.exitCode !== 0)
      throw new Error(`slidev build of tests/fixtures/animations.md failed (exit ${result.exitCode}):\n${result.stderr.slice(-2000)}`)
  })
  ;({ server, browser } = site)
})

afterAll(() => site?.close())

/** Opens slide `no` and returns a function reading the figure after each → press. */
async function openSlide(page: Page, no: number): Promise<void> {
  const errors: string[] = []
  page.on('pageerror', e => errors.push(e.message))
  await page.goto(`${server.url}deck/#/${no}`, { waitUntil: 'networkidle' })
  await page.locator(`.slidev-page-${no} figure.anim`).waitFor()
  expect(errors).toEqual([])
}

/** Presses → and waits for the figure to show step `step`. */
async function next(page: Page, no: number, step: number): Promise<void> {
  await page.keyboard.press('ArrowRight')
  await page.locator(`.slidev-page-${no} figure.anim[data-step="${step}"]`).waitFor({ timeout: 5000 })
}

describe('animations in a built deck', () => {
  it('rcGraph steps through rc/clone-counts showing the recorded counts', async () => {
    const events = recording('rc/clone-counts')
    const steps = splitSteps(events, (e): e is TraceEvent => e.ev !== 'step' && e.ev !== 'label')
    const page = await browser.newPage({ viewport: { width: 980, height: 552 } })
    await openSlide(page, 1)
    const figure = page.locator('.slidev-page-1 figure.anim')
    expect(await figure.getAttribute('data-steps')).toBe(String(steps.length))
    const heights = new Set<number>()
    for (let i = 0; i < steps.length; i++) {
      if (i > 0)
        await next(page, 1, i)
      heights.add(Math.round((await figure.boundingBox())!.height))
      const shown = await page.evaluate(() => ({
        strong: document.querySelector('.slidev-page-1 [data-alloc="alloc0"]')?.getAttribute('data-strong'),
        text: document.querySelector('.slidev-page-1 [data-alloc="alloc0"] [data-testid="strong"]')?.textContent,
        handles: Object.fromEntries([...document.querySelectorAll('.slidev-page-1 [data-handle]')].map(h => [h.getAttribute('data-handle'), h.getAttribute('data-state')])),
        announce: document.querySelector('.slidev-page-1 [aria-live]')?.textContent?.trim(),
      }))
      const event = steps[i]!.events.at(-1)!
      if (event.ev === 'rc') {
        const counted = event as CountEvent
        expect(shown.strong, `step ${i + 1}: strong count`).toBe(String(counted.strong))
        expect(shown.text).toBe(String(counted.strong))
        expect(shown.handles[counted.handle]).toBe('live')
      }
      else if (event.ev === 'drop') {
        expect(shown.handles[event.handle], `step ${i + 1}`).toBe('dropped')
      }
      expect(shown.announce).toMatch(new RegExp(`^Step ${i + 1} of ${steps.length}:`))
    }
    // Space for the last step is reserved from the first: nothing on the slide moves.
    expect([...heights]).toHaveLength(1)
    // Past the last step, the slide moves on.
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction(() => location.hash.startsWith('#/2'))
    await page.close()
  })

  it('lockTimeline steps through mutex/contention showing the state each thread recorded', async () => {
    const events = recording('mutex/contention')
    const steps = splitSteps(events, (e): e is LockEvent => e.ev === 'lock')
    const state: Record<LockEvent['op'], string> = {
      'wait': 'waiting',
      'acquire': 'holding',
      'release': 'released',
      'would-block': 'would-block',
      'poisoned': 'poisoned',
      'panic': 'panicked',
    }
    const page = await browser.newPage({ viewport: { width: 980, height: 552 } })
    await openSlide(page, 2)
    const holders: string[] = []
    for (let i = 0; i < steps.length; i++) {
      if (i > 0)
        await next(page, 2, i)
      const shown = await page.evaluate(col => ({
        lanes: Object.fromEntries([...document.querySelectorAll(`.slidev-page-2 [data-col="${col}"]`)].map(c => [c.getAttribute('data-lane'), c.getAttribute('data-state')])),
        later: document.querySelectorAll(`.slidev-page-2 [data-col="${col + 1}"]`).length,
        holders: document.querySelector('.slidev-page-2 [data-lock="log"]')?.getAttribute('data-holders'),
        caption: document.querySelector('.slidev-page-2 figcaption')?.textContent,
      }), i)
      // Every thread that recorded something in this step shows what it recorded last.
      const last = new Map(steps[i]!.events.map(e => [e.thread, e]))
      for (const [thread, e] of last)
        expect(shown.lanes[thread], `step ${i + 1}, ${thread}`).toBe(state[e.op])
      expect(shown.later, 'later columns are not drawn yet').toBe(0)
      for (const e of steps[i]!.events) {
        if (e.op === 'acquire')
          holders.push(e.thread)
        if (e.op === 'release')
          holders.splice(holders.indexOf(e.thread), 1)
      }
      expect(shown.holders).toBe(holders.map(t => `${t}:exclusive`).join(','))
      expect(shown.caption).toContain(steps[i]!.caption!)
    }
    await page.close()
  })

  it('changes steps without motion when the viewer asks for reduced motion', async () => {
    const page = await browser.newPage({ viewport: { width: 980, height: 552 }, reducedMotion: 'reduce' })
    await openSlide(page, 1)
    const durations = await page.evaluate(() => [...document.querySelectorAll('.slidev-page-1 .anim-fade')].map(e => getComputedStyle(e).transitionDuration))
    expect(durations.length).toBeGreaterThan(0)
    // 0s, or the 0.01 ms a global reduced-motion rule may leave: no visible motion.
    expect(durations.every(d => Number.parseFloat(d) <= 0.0001)).toBe(true)
    const moving = await browser.newPage({ viewport: { width: 980, height: 552 }, reducedMotion: 'no-preference' })
    await openSlide(moving, 1)
    expect(Number.parseFloat(await moving.evaluate(() => getComputedStyle(document.querySelector('.slidev-page-1 .anim-fade')!).transitionDuration))).toBeGreaterThan(0.1)
    await page.close()
    await moving.close()
  })

  it('shows the final state in print mode without clicks', async () => {
    const page = await browser.newPage({ viewport: { width: 980, height: 552 } })
    // What `slidev export` opens for a PDF without clicks.
    await page.goto(`${server.url}deck/?print=true#/print`, { waitUntil: 'networkidle' })
    await page.locator('figure.anim').first().waitFor()
    const figures = await page.evaluate(() => [...document.querySelectorAll('figure.anim')].map(f => [f.getAttribute('data-step'), f.getAttribute('data-steps')]))
    expect(figures.length).toBeGreaterThanOrEqual(2)
    for (const [step, steps] of figures)
      expect(Number(step)).toBe(Number(steps) - 1)
    await page.close()
  })
})
