import type { ComputedRef, MaybeRefOrGetter, Ref } from 'vue'
import type { LiveResponse } from '../../core/live-contract.ts'
import type { LiveStep } from '../../core/live-steps.ts'
import type { EditStorage } from '../../core/live-store.ts'
import type { LiveRunState } from '../../core/live-sync.ts'
import type { LiveBoardHandle } from './useLiveBoard.ts'
import data from 'virtual:snippets'
import { computed, ref, toValue, watch } from 'vue'
import { findSnippet, toolchainLabel } from '../../core/captures.ts'
import { runLive } from '../../core/live-client.ts'
import { composeProgram, firstLine, playgroundUrl } from '../../core/live-code.ts'
import { liveSteps, parseStepRef } from '../../core/live-steps.ts'
import { editKey, forgetEdit, forgetEditsFor, loadEdit, saveEdit } from '../../core/live-store.ts'
import { codeFor, emptyRun, LIVE_RESET_KEY, liveKey, runFor } from '../../core/live-sync.ts'
import { randomId, useLiveBoard } from './useLiveBoard.ts'

/**
 * Every snippet file as it is now, in the dev server only: a step whose file
 * differs from what the check ran says so. A built deck was built right after
 * the check, so it reads the check's own copy of each source instead.
 */
const sources: Record<string, string> = import.meta.env.DEV
  ? import.meta.glob<string>(['../../snippets/*/src/bin/*.rs', '../../snippets/*/fail/*.rs'], { query: '?raw', import: 'default', eager: true })
  : {}

/**
 * The resets this window has applied to each storage: a browser forgets its
 * kept edits once per reset (`forgetEditsFor`), so every live slide of the
 * window need not look again.
 */
const applied = new WeakMap<object, Set<string>>()
function applyReset(storage: EditStorage | undefined, id: string): void {
  if (!storage)
    return
  const seen = applied.get(storage) ?? new Set<string>()
  applied.set(storage, seen)
  if (!seen.has(id)) {
    seen.add(id)
    forgetEditsFor(storage, id)
  }
}

export interface UseLiveSnippetOptions {
  /** Where edits are kept. Default: `localStorage`. */
  storage?: EditStorage
  /** Whether a dev server can run code. Default: in the dev server, not in a built deck. */
  live?: boolean
  /** The step shown, from 0 (the slide's clicks). Default: 0. */
  index?: MaybeRefOrGetter<number>
  /** The state shared with the presentation's other windows. Default: this window's board. */
  board?: LiveBoardHandle
}

export interface UseLiveSnippetReturn {
  /** Every step, in the order they play. */
  steps: ComputedRef<LiveStep[]>
  /** The step shown now. */
  step: ComputedRef<LiveStep>
  /** The step after it, for the presenter; null on the last. */
  next: ComputedRef<LiveStep | null>
  /** The editor's text, kept per slide and step across navigation and reloads, the same in every window of the presentation. */
  code: Ref<string>
  /** What the step starts with. */
  original: ComputedRef<string>
  /** Lines to mark as changed by the step (none once the code is edited). */
  changed: ComputedRef<number[]>
  /** The program line the editor's first line is, as rustc's messages count. */
  firstLine: ComputedRef<number>
  modified: ComputedRef<boolean>
  /** Whether Run reaches a server (`npm run dev`) or only recorded output exists. */
  live: boolean
  /** A run is under way, in this window or another. */
  running: ComputedRef<boolean>
  /** The last run was stopped before it answered. */
  stopped: ComputedRef<boolean>
  /** What to show under the editor: a live answer, the recorded run, or null (edited, not run). */
  shown: ComputedRef<LiveResponse | null>
  /** `live` for an answer from the server, `recorded` for the check's capture. */
  source: ComputedRef<'live' | 'recorded' | null>
  /** The shown answer is for code that has been edited since. */
  stale: ComputedRef<boolean>
  /** The whole program as it would be compiled, in a Rust Playground link. */
  playground: ComputedRef<string>
  toolchain: string
  run: () => Promise<void>
  /** Stops the run under way, whichever window started it: its answer is dropped. */
  stop: () => void
  /** Back to the step's code, in every window. */
  reset: () => void
  /** Every step of the slide back to its code, in every window. */
  resetAll: () => void
  /** Every step of every live slide of the deck back to its code, in every window (edits, runs, stops). */
  resetEvery: () => void
}

/**
 * A live slide's state: `ids` are its steps (checked snippet ids, each
 * optionally `id#region`), `region` the part of each file the editor shows
 * unless a step names its own. `ids` may be one snippet.
 */
export function useLiveSnippet(ids: MaybeRefOrGetter<string | readonly string[]>, region?: MaybeRefOrGetter<string | undefined>, options: UseLiveSnippetOptions = {}): UseLiveSnippetReturn {
  const storage = options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage)
  const live = options.live ?? import.meta.env.DEV
  const list = computed(() => {
    const value = toValue(ids)
    return typeof value === 'string' ? [value] : [...value]
  })
  const steps = computed(() => liveSteps(list.value.map((step) => {
    const named = parseStepRef(step, toValue(region))
    return { result: findSnippet(data, named.id), region: named.region }
  }), file => sources[`../../${file}`] ?? null))
  const index = computed(() => Math.min(Math.max(0, toValue(options.index) ?? 0), steps.value.length - 1))
  const step = computed(() => steps.value[index.value]!)
  const original = computed(() => step.value.code)
  const board = options.board ?? useLiveBoard()
  // One slide's edits: its steps and region, then the step.
  const slideKey = computed(() => editKey(list.value.join('+'), toValue(region)))
  const keyOf = (i: number): string => `${slideKey.value}@${i}`
  const key = computed(() => keyOf(index.value))
  // This browser's kept edit of the step shown, read when the step (or its
  // original) changes and again when something forgot kept edits; a window of
  // the presentation that changes the step's text takes precedence.
  const forgotten = ref(0)
  const kept = computed(() => {
    void forgotten.value
    return loadEdit(storage, key.value, original.value)
  })
  const code = computed<string>({
    get: () => codeFor(board.values.get(liveKey('code', key.value)), original.value) ?? kept.value ?? original.value,
    set: value => board.write(liveKey('code', key.value), { kind: 'code', base: original.value, code: value }),
  })
  const runState = computed(() => runFor(board.values.get(liveKey('run', key.value)), original.value, board.now.value))

  // Every edit reset (by any window, now or before this window opened): this
  // browser's kept edits go too, once per reset. Another window of this
  // browser may have forgotten them first: what is kept is read again either
  // way, as the reset arrives, before the text it leaves is kept.
  const resetId = computed(() => {
    const held = board.values.get(LIVE_RESET_KEY)
    return held?.kind === 'reset' ? held.id : null
  })
  watch(resetId, (id) => {
    if (id) {
      applyReset(storage, id)
      forgotten.value++
    }
  }, { immediate: true, flush: 'sync' })
  watch(code, value => saveEdit(storage, key.value, original.value, value))

  const full = computed(() => composeProgram(step.value.program, code.value))
  const modified = computed(() => code.value !== original.value)
  const answer = computed(() => runState.value.answer)
  const shown = computed(() => answer.value ?? (modified.value ? null : step.value.recorded))
  const running = computed(() => runState.value.run !== null)

  /** The run this window started and waits for. */
  let mine: { id: string, controller: AbortController } | null = null
  // Stopped, reset or replaced by another window: stop waiting.
  watch(() => runState.value.run?.id, (id) => {
    if (mine && id !== mine.id) {
      mine.controller.abort()
      mine = null
    }
  })

  async function run(): Promise<void> {
    if (!live || running.value)
      return
    const program = full.value
    const runKey = liveKey('run', key.value)
    const base = original.value
    const id = randomId()
    const before = runState.value
    const controller = new AbortController()
    mine = { id, controller }
    board.write(runKey, { ...before, run: { id, by: board.self, since: Date.now() }, stopped: false })
    // Running the same code again asks for a new run: threads may interleave differently.
    const result = await runLive(program, { fresh: before.answeredFor === program, signal: controller.signal })
    // An answer for a run that was stopped, reset, or left behind by another step is dropped.
    if (mine?.id === id)
      mine = null
    const now: LiveRunState = runFor(board.values.get(runKey), base, Date.now())
    if (now.run?.id !== id)
      return
    board.write(runKey, { kind: 'run', base, answer: result, answeredFor: program, run: null, stopped: false })
  }

  function stop(): void {
    const state = runState.value
    if (!state.run)
      return
    board.write(liveKey('run', key.value), { ...state, run: null, stopped: true })
  }

  function resetStep(i: number, base: string): void {
    const k = keyOf(i)
    forgetEdit(storage, k)
    board.write(liveKey('code', k), { kind: 'code', base, code: base })
    board.write(liveKey('run', k), emptyRun(base))
  }

  function reset(): void {
    resetStep(index.value, original.value)
    forgotten.value++
  }

  function resetAll(): void {
    steps.value.forEach((s, i) => resetStep(i, s.code))
    forgotten.value++
  }

  function resetEvery(): void {
    board.write(LIVE_RESET_KEY, { kind: 'reset', id: randomId() })
  }

  return {
    steps,
    step,
    next: computed(() => steps.value[index.value + 1] ?? null),
    code,
    original,
    changed: computed(() => modified.value ? [] : step.value.changed),
    firstLine: computed(() => firstLine(step.value.program)),
    modified,
    live,
    running,
    stopped: computed(() => runState.value.stopped),
    shown,
    source: computed(() => answer.value ? 'live' : shown.value ? 'recorded' : null),
    stale: computed(() => answer.value !== null && runState.value.answeredFor !== full.value),
    playground: computed(() => playgroundUrl(full.value)),
    toolchain: toolchainLabel(data.rustc),
    run,
    stop,
    reset,
    resetAll,
    resetEvery,
  }
}
