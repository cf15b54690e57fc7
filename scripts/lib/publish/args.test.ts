import { describe, expect, it } from 'vitest'
import { parseArgs } from './args.ts'

describe('parseArgs', () => {
  it('publishes PDFs and leaves notes out by default', () => {
    expect(parseArgs([])).toEqual({ pdf: true, notes: false, out: null })
  })
  it('reads --no-pdf, --notes and --out', () => {
    expect(parseArgs(['--no-pdf', '--notes', '--out', 'site'])).toEqual({ pdf: false, notes: true, out: 'site' })
  })
  it('rejects an unknown option, naming it', () => {
    expect(() => parseArgs(['--pdf-only'])).toThrow(/^unknown option --pdf-only$/)
  })
})
