/**
 * How a live slide shares its free height between the editor and the
 * output, in CSS px of the slide's canvas. The editor gets what the step's
 * code needs, at least its least height; the output what is left, at least
 * enough for a few lines; when the two do not fit, the editor gives way
 * first (it scrolls to the step's change), then the output (it scrolls to
 * its newest line).
 */

export interface LiveLayoutInput {
  /** Height the panels may take in all: the slide's free height, less the bars above and below the editor. */
  available: number
  /** Lines of the step's code (or the edit). */
  lines: number
  /** One editor line, in px (font size × line height). */
  lineHeight: number
  /** The editor's padding, top and bottom together. */
  padding: number
  /** The editor's least height (the slide's `height`). */
  editorMin: number
  /** The output's least height. */
  outputMin: number
}

export interface LiveLayout {
  editor: number
  output: number
}

export function liveLayout(input: LiveLayoutInput): LiveLayout {
  const { available, lines, lineHeight, padding, outputMin } = input
  const wanted = Math.ceil(Math.max(1, lines) * lineHeight + padding)
  // The editor never asks for more than the code, and leaves the output its least.
  const editorMin = Math.min(input.editorMin, wanted)
  const editor = Math.max(Math.min(editorMin, available), Math.min(wanted, available - outputMin))
  const output = Math.max(0, Math.floor(available - editor))
  return { editor: Math.floor(editor), output }
}

/**
 * The block of a step's change to bring into view: its longest run of
 * consecutive changed lines (the first of equals), as 0-based first and
 * last; null when no line changed.
 */
export function changedBlock(changed: readonly number[]): { first: number, last: number } | null {
  const lines = [...new Set(changed)].sort((a, b) => a - b)
  let best: { first: number, last: number } | null = null
  let start = 0
  for (let i = 0; i < lines.length; i++) {
    if (i + 1 < lines.length && lines[i + 1] === lines[i]! + 1)
      continue
    const block = { first: lines[start]!, last: lines[i]! }
    if (!best || block.last - block.first > best.last - best.first)
      best = block
    start = i + 1
  }
  return best
}
