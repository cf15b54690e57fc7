import type { ComputedRef, MaybeRefOrGetter, Ref } from 'vue'
import type { LiveResponse } from '../../core/live-contract.ts'
import type { LiveStep } from '../../core/live-steps.ts'
import type { EditStorage } from '../../core/live-store.ts'
import data from 'virtual:snippets'
import { computed, ref, toValue, watch } from 'vue'
import { findSnippet, toolchainLabel } from '../../core/captures.ts'
import { runLive } from '../../core/live-client.ts'
import { composeProgram, firstLine, playgroundUrl } from '../../core/live-code.ts'
import { liveSteps, parseStepRef } from '../../core/live-steps.ts'
import { editKey, forgetEdit, loadEdit, saveEdit } from '../../core/live-store.ts'

/**
 * Every snippet file as it is now, in the dev server only: a step whose file
 * differs from what the check ran says so. A built deck was built right after
 * the check, so it reads the check's own copy of each source instead.
 */
const sources: Record<string, string> = import.meta.env.DEV
  ? import.meta.glob<string>(['../../snippets/*/src/bin/*.rs', '../../snippets/*/fail/*.rs'], { query: '?raw', import: 'default', eager: true })
  : {}

export interface UseLiveSnippetOptions {
  /** Where edits are kept. Default: `localStorage`. */
  storage?: EditStorage
  /** Whether a dev server can run code. Default: in the dev server, not in a built deck. */
  live?: boolean
  /** The step shown, from 0 (the slide's clicks). Default: 0. */
  index?: MaybeRefOrGetter<number>
}

export interface UseLiveSnippetReturn {
  /** Every step, in the order they play. */
  steps: ComputedRef<LiveStep[]>
  /** The step shown now. */
  step: ComputedRef<LiveStep>
  /** The step after it, for the presenter; null on the last. */
  next: ComputedRef<LiveStep | null>
  /** The editor's text, kept per slide and step across navigation and reloads. */
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
  running: Ref<boolean>
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
  reset: () => void
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
  // One slide's edits: its steps and region, then the step.
  const key = computed(() => `${editKey(list.value.join('+'), toValue(region))}@${index.value}`)
  const code = ref(loadEdit(storage, key.value, original.value) ?? original.value)
  const answer = ref<LiveResponse | null>(null)
  const answeredFor = ref<string | null>(null)
  const running = ref(false)

  // Another step, or the snippet changed in the workspace (hot update): start from it.
  watch([original, key], () => {
    code.value = loadEdit(storage, key.value, original.value) ?? original.value
    answer.value = null
    answeredFor.value = null
  })
  watch(code, value => saveEdit(storage, key.value, original.value, value))

  const full = computed(() => composeProgram(step.value.program, code.value))
  const modified = computed(() => code.value !== original.value)
  const shown = computed(() => answer.value ?? (modified.value ? null : step.value.recorded))

  async function run(): Promise<void> {
    if (!live || running.value)
      return
    running.value = true
    const program = full.value
    const asked = key.value
    try {
      // Running the same code again asks for a new run: threads may interleave differently.
      const result = await runLive(program, { fresh: answeredFor.value === program })
      // An answer for a step the slide has left is dropped.
      if (asked !== key.value)
        return
      answer.value = result
      answeredFor.value = program
    }
    finally {
      running.value = false
    }
  }

  function reset(): void {
    code.value = original.value
    forgetEdit(storage, key.value)
    answer.value = null
    answeredFor.value = null
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
    shown,
    source: computed(() => answer.value ? 'live' : shown.value ? 'recorded' : null),
    stale: computed(() => answer.value !== null && answeredFor.value !== full.value),
    playground: computed(() => playgroundUrl(full.value)),
    toolchain: toolchainLabel(data.rustc),
    run,
    reset,
  }
}
