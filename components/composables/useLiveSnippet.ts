import type { ComputedRef, MaybeRefOrGetter, Ref } from 'vue'
import type { LiveResponse } from '../../core/live-contract.ts'
import type { EditStorage } from '../../core/live-store.ts'
import data from 'virtual:snippets'
import { computed, ref, toValue, watch } from 'vue'
import { findSnippet, toolchainLabel } from '../../core/captures.ts'
import { runLive } from '../../core/live-client.ts'
import { composeProgram, firstLine, liveProgram, playgroundUrl, recordedResponse } from '../../core/live-code.ts'
import { editKey, forgetEdit, loadEdit, saveEdit } from '../../core/live-store.ts'

/** Every snippet's source, as the slides' `<<<` imports see it. */
const sources = import.meta.glob<string>(['../../snippets/*/src/bin/*.rs', '../../snippets/*/fail/*.rs'], { query: '?raw', import: 'default', eager: true })

export interface UseLiveSnippetOptions {
  /** Where edits are kept. Default: `localStorage`. */
  storage?: EditStorage
  /** Whether a dev server can run code. Default: in the dev server, not in a built deck. */
  live?: boolean
}

export interface UseLiveSnippetReturn {
  /** The editor's text, kept across navigation and reloads. */
  code: Ref<string>
  /** What the slide starts with. */
  original: ComputedRef<string>
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

/** A live-coding slide's state for snippet `id` (and `region` of it). */
export function useLiveSnippet(id: MaybeRefOrGetter<string>, region?: MaybeRefOrGetter<string | undefined>, options: UseLiveSnippetOptions = {}): UseLiveSnippetReturn {
  const storage = options.storage ?? (typeof localStorage === 'undefined' ? undefined : localStorage)
  const live = options.live ?? import.meta.env.DEV
  const result = computed(() => findSnippet(data, toValue(id)))
  const program = computed(() => {
    const file = result.value.file
    const source = sources[`../../${file}`]
    if (source === undefined)
      throw new Error(`snippet "${toValue(id)}": ${file} is not among the snippet sources (src/bin/*.rs, fail/*.rs)`)
    return liveProgram(source, toValue(region), file)
  })
  const original = computed(() => program.value.shown)
  const key = computed(() => editKey(toValue(id), toValue(region)))
  const code = ref(loadEdit(storage, key.value, original.value) ?? original.value)
  const answer = ref<LiveResponse | null>(null)
  const answeredFor = ref<string | null>(null)
  const running = ref(false)

  // The snippet changed in the workspace (hot update): start from the new one.
  watch([original, key], () => {
    code.value = loadEdit(storage, key.value, original.value) ?? original.value
    answer.value = null
  })
  watch(code, value => saveEdit(storage, key.value, original.value, value))

  const full = computed(() => composeProgram(program.value, code.value))
  const modified = computed(() => code.value !== original.value)
  const recorded = computed(() => recordedResponse(result.value))
  const shown = computed(() => answer.value ?? (modified.value ? null : recorded.value))

  async function run(): Promise<void> {
    if (!live || running.value)
      return
    running.value = true
    const program = full.value
    try {
      // Running the same code again asks for a new run: threads may interleave differently.
      answer.value = await runLive(program, { fresh: answeredFor.value === program })
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
    code,
    original,
    firstLine: computed(() => firstLine(program.value)),
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
