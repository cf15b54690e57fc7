import type { ComputedRef, MaybeRefOrGetter } from 'vue'
import type { SnippetResult } from '../../core/snippet-data.ts'
import data from 'virtual:snippets'
import { computed, toValue } from 'vue'
import { findSnippet, toolchainLabel } from '../../core/captures.ts'

export interface UseSnippetReturn {
  /** The snippet's captures from the last `npm run check`. */
  result: ComputedRef<SnippetResult>
  /** The toolchain that produced them, e.g. `rustc 1.95.0`. */
  toolchain: string
}

/** A snippet's real captures, by id (`rc/clone-counts`). */
export function useSnippet(id: MaybeRefOrGetter<string>): UseSnippetReturn {
  return {
    result: computed(() => findSnippet(data, toValue(id))),
    toolchain: toolchainLabel(data.rustc),
  }
}
