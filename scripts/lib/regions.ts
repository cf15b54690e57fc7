/**
 * `#region` markers in snippet files, as Slidev's `<<< file#name` import
 * reads them. Slidev imports the whole file when a name is missing, so the
 * check finds every region itself and fails on anything it cannot match.
 */
import { LessonError } from '../../core/errors.ts'

export interface Region {
  name: string
  /** 1-based lines of the two markers. */
  start: number
  end: number
}

const START = /^\s*\/\/\s*#region\s+([\w-]+)\s*$/
const END = /^\s*\/\/\s*#endregion(?:\s+([\w-]+))?\s*$/
/** Anything that looks like a marker but is not one: a misspelling would silently import the whole file. */
const NEAR_MISS = /^\s*\/\/\s*#\s*(?:end\s*)?reg/i

export function parseRegions(source: string, file: string): Map<string, Region> {
  const regions = new Map<string, Region>()
  const open = new Map<string, number>()
  source.split('\n').forEach((text, index) => {
    const line = index + 1
    const start = START.exec(text)
    const end = END.exec(text)
    if (start) {
      const name = start[1]!
      if (open.has(name) || regions.has(name))
        throw new LessonError(`${file}:${line}: region \`${name}\` is opened twice`)
      open.set(name, line)
    }
    else if (end) {
      const name = end[1] ?? [...open.keys()].at(-1)
      if (!name || !open.has(name))
        throw new LessonError(`${file}:${line}: \`#endregion${end[1] ? ` ${end[1]}` : ''}\` closes no open region`)
      regions.set(name, { name, start: open.get(name)!, end: line })
      open.delete(name)
    }
    else if (NEAR_MISS.test(text)) {
      throw new LessonError(`${file}:${line}: \`${text.trim()}\` looks like a region marker but is not \`// #region name\` or \`// #endregion name\``)
    }
  })
  const [unclosed] = open
  if (unclosed)
    throw new LessonError(`${file}:${unclosed[1]}: region \`${unclosed[0]}\` is never closed with \`// #endregion ${unclosed[0]}\``)
  return regions
}
