/**
 * What a run prints that differs between runs or machines, rewritten so a
 * capture is byte-for-byte the same everywhere. One rule per line, each
 * with the reason it exists.
 */

export function normalizeOutput(text: string, roots: readonly string[] = []): string {
  let out = text.replace(/\r\n/g, '\n')
  // Absolute paths name the machine's checkout; keep them relative to it.
  for (const root of roots)
    out = out.split(`${root.replace(/\/$/, '')}/`).join('')
  // rustc 1.95 prints the OS thread id in panic lines: `thread 'main' (12345) panicked`.
  out = out.replace(/(thread '[^']*') \(\d+\) panicked/g, '$1 panicked')
  // libtest prints how long the tests took.
  out = out.replace(/finished in \d+\.\d+s/g, 'finished in 0.00s')
  return out
}

/** The message of the first panic in `stderr`, without the location line. */
export function panicMessage(stderr: string): string | null {
  const match = /thread '[^']*'(?: \(\d+\))? panicked at [^\n]*:\n([\s\S]*?)(?:\nnote: |\n?$)/.exec(stderr)
  return match ? match[1]!.trim() : null
}
