/**
 * Snippets call the `trace` crate at the moments an animation shows. Those
 * calls record; they print nothing and change nothing the program does, so
 * slides hide them to keep the code a learner reads the code that matters.
 * The full file, calls included, is what `npm run check` compiles and runs.
 */

/** A line that only records: `trace::…(…);` or `use trace::…;`. */
const START = /^\s*(?:trace::|use trace(?:::|;))/

export function hideInstrumentation(code: string): string {
  const kept: string[] = []
  let depth = 0
  for (const line of code.split('\n')) {
    if (depth > 0 || START.test(line)) {
      // A call rustfmt wrapped over several lines ends where its brackets close.
      depth += count(line, '(') + count(line, '[') + count(line, '{') - count(line, ')') - count(line, ']') - count(line, '}')
      if (depth < 0)
        depth = 0
      continue
    }
    kept.push(line)
  }
  return kept.join('\n')
}

function count(line: string, ch: string): number {
  return line.split(ch).length - 1
}
