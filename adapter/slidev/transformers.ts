import type { CodeblockTransformer, MarkdownTransformer } from '@slidev/types'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineTransformersSetup } from '@slidev/types'
import { hideInstrumentation, parseHeader } from '../../core/snippet-source.ts'
import { markUnchecked } from '../../core/unchecked.ts'

const snippets = fileURLToPath(new URL('../../snippets/', import.meta.url))

/** Whether a snippet promises nothing the check judges (`//! expect: ignore`); read from its file. */
function isUnchecked(id: string): boolean {
  const [topic, name] = id.split('/')
  for (const place of ['fail', 'src/bin']) {
    const file = `${snippets}${topic}/${place}/${name}.rs`
    if (existsSync(file)) {
      try {
        return parseHeader(readFileSync(file, 'utf8'), file).expectation.kind === 'ignore'
      }
      catch {
        // A malformed header is the check's to report.
        return false
      }
    }
  }
  return false
}

/** A slide showing a snippet the check never judges says so under its code; see `core/unchecked.ts`. */
const markNotChecked: MarkdownTransformer = (ctx) => {
  const before = ctx.s.toString()
  const after = markUnchecked(before, isUnchecked)
  if (after !== before)
    ctx.s.overwrite(0, before.length, after)
}

/** Hides `trace::` recording calls in Rust blocks; see `core/snippet-source.ts`. */
const hideTrace: CodeblockTransformer = (ctx) => {
  if (!/^rust\b/.test(ctx.info))
    return undefined
  const shown = hideInstrumentation(ctx.code)
  if (shown === ctx.code)
    return undefined
  // Later transformers (Monaco, the code wrapper) read `code` or render the
  // fence: both get the shown code.
  ctx.code = shown
  const render = ctx.renderHighlighted
  ctx.renderHighlighted = override => render({ ...override, code: override.code ?? shown })
  return undefined
}

export default defineTransformersSetup(() => ({ pre: [markNotChecked], codeblocks: [hideTrace] }))
