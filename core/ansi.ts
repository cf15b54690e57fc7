/**
 * Turns rustc's ANSI-coloured rendering into styled segments, so a slide
 * shows a diagnostic the way a terminal would, without `v-html`.
 */

export type AnsiColor = 'red' | 'green' | 'yellow' | 'blue' | 'magenta' | 'cyan' | 'white'

export interface AnsiSegment {
  text: string
  bold: boolean
  color: AnsiColor | null
}

const NAMES: AnsiColor[] = ['red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white']

function colorOf(index: number): AnsiColor | null {
  // 1–7 and their bright forms 9–15; 0 and 8 (black, grey) read as default.
  const base = index >= 8 ? index - 8 : index
  return base >= 1 && base <= 7 ? NAMES[base - 1]! : null
}

export function parseAnsi(input: string): AnsiSegment[] {
  const segments: AnsiSegment[] = []
  let bold = false
  let color: AnsiColor | null = null
  const pattern = /\x1B\[([0-9;]*)m/g // eslint-disable-line no-control-regex
  let last = 0
  const push = (text: string) => {
    if (!text)
      return
    const prev = segments.at(-1)
    if (prev && prev.bold === bold && prev.color === color)
      prev.text += text
    else segments.push({ text, bold, color })
  }
  for (const match of input.matchAll(pattern)) {
    push(input.slice(last, match.index))
    last = match.index + match[0].length
    const codes = (match[1] || '0').split(';').map(Number)
    for (let i = 0; i < codes.length; i++) {
      const code = codes[i]!
      if (code === 0) {
        bold = false
        color = null
      }
      else if (code === 1) {
        bold = true
      }
      else if (code === 22) {
        bold = false
      }
      else if (code >= 30 && code <= 37) {
        color = colorOf(code - 30)
      }
      else if (code >= 90 && code <= 97) {
        color = colorOf(code - 90 + 8)
      }
      else if (code === 39) {
        color = null
      }
      else if (code === 38 && codes[i + 1] === 5) {
        color = colorOf(codes[i + 2] ?? 0)
        i += 2
      }
    }
  }
  push(input.slice(last))
  return segments
}

/**
 * Text without terminal colours, for the browser. Node code uses
 * `stripVTControlCharacters` from `node:util` instead.
 */
export function stripAnsi(input: string): string {
  return parseAnsi(input).map(s => s.text).join('')
}
