import type { CodeblockTransformer } from '@slidev/types'
import { defineTransformersSetup } from '@slidev/types'
import { hideInstrumentation } from '../core/snippet-source.ts'

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

export default defineTransformersSetup(() => ({ codeblocks: [hideTrace] }))
