/** Helpers for the adapter's tests. */
import { reactive, shallowReactive } from 'vue'
import { slideMeta } from './slide-meta.ts'

/** Runs a module's code (imports given, `import.meta.hot` undefined) and returns its `meta` and `frontmatter`. */
export function evaluate(code: string): { meta: Record<string, unknown>, frontmatter: Record<string, unknown> } {
  const body = code
    .split('\n')
    .filter(l => !l.startsWith('import '))
    .join('\n')
    .replaceAll('import.meta.hot', 'undefined')
    .replace('export default frontmatter', '')
    .replaceAll('export const ', 'const ')
  // eslint-disable-next-line no-new-func
  return new Function('reactive', 'shallowReactive', 'slideMeta', `${body}\nreturn { meta, frontmatter }`)(reactive, shallowReactive, slideMeta)
}
