/**
 * Progress of a cargo build, read from its JSON messages: how many of the
 * workspace's compile units are done out of how many there are. On a
 * terminal it is one line updated in place; otherwise (CI logs, pipes) a
 * line now and then, so a cold build does not look stuck.
 */

/** A workspace member's target as `cargo metadata` describes it. */
export interface MetadataTarget {
  kind: string[]
  /** False when the target sets `test = false`: no unit-test build of it. */
  test: boolean
}

/**
 * How many units `cargo build --workspace --all-targets` compiles: every
 * lib and bin twice (itself and its unit-test binary) unless it sets
 * `test = false`; every other target (tests, examples, benches, build
 * scripts) once. Crates from outside the workspace are not counted.
 */
export function countUnits(packages: readonly { targets: readonly MetadataTarget[] }[]): number {
  let units = 0
  for (const p of packages) {
    for (const t of p.targets) {
      const twice = t.kind.some(k => k === 'bin' || k === 'lib' || k === 'rlib' || k === 'proc-macro' || k === 'cdylib' || k === 'staticlib' || k === 'dylib')
      units += twice && t.test ? 2 : 1
    }
  }
  return units
}

export interface ProgressSink {
  isTTY?: boolean
  write: (text: string) => unknown
}

export interface BuildProgress {
  /** Feeds a chunk of cargo's stdout (JSON lines, possibly cut anywhere). */
  feed: (chunk: string) => void
  /** Clears the live line; returns the counts for a closing summary. */
  end: () => { built: number, fresh: number, total: number | null }
}

/**
 * `label` opens each line (`check: cargo`). `total` is null when it could
 * not be counted: then only the units built so far are shown.
 */
export function buildProgress(label: string, total: number | null, sink: ProgressSink = process.stderr, options: { everyMs?: number, now?: () => number } = {}): BuildProgress {
  const everyMs = options.everyMs ?? 15_000
  const now = options.now ?? (() => performance.now())
  const started = now()
  let lastLine = started
  let shown = -1
  let built = 0
  let fresh = 0
  let pending = ''
  const text = () => `${label} ${built}${total !== null ? `/${Math.max(total, built)}` : ''} compiled (${((now() - started) / 1000).toFixed(0)} s)`
  const show = () => {
    if (sink.isTTY) {
      sink.write(`\r\x1B[2K${text()}`)
    }
    else if (built !== shown && now() - lastLine >= everyMs) {
      sink.write(`${text()}\n`)
      lastLine = now()
    }
    else {
      return
    }
    shown = built
  }
  return {
    feed(chunk) {
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      let changed = false
      for (const line of lines) {
        if (!line.includes('"reason":"compiler-artifact"'))
          continue
        built++
        if (line.includes('"fresh":true'))
          fresh++
        changed = true
      }
      if (changed)
        show()
    },
    end() {
      if (sink.isTTY && shown !== -1)
        sink.write('\r\x1B[2K')
      return { built, fresh, total }
    },
  }
}
