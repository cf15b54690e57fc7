import { describe, expect, it } from 'vitest'
import { parseAnsi, stripAnsi } from './ansi.ts'

describe('parseAnsi', () => {
  it('turns rustc\'s colours into segments', () => {
    const text = '\x1B[0m\x1B[1m\x1B[38;5;9merror[E0277]\x1B[0m\x1B[0m\x1B[1m: `Rc` cannot be sent\x1B[0m\n\x1B[0m\x1B[1m\x1B[38;5;12m --> \x1B[0ma.rs'
    expect(parseAnsi(text)).toEqual([
      { text: 'error[E0277]', bold: true, color: 'red' },
      { text: ': `Rc` cannot be sent', bold: true, color: null },
      { text: '\n', bold: false, color: null },
      { text: ' --> ', bold: true, color: 'blue' },
      { text: 'a.rs', bold: false, color: null },
    ])
  })

  it('leaves plain text alone', () => {
    expect(parseAnsi('plain')).toEqual([{ text: 'plain', bold: false, color: null }])
    expect(parseAnsi('')).toEqual([])
  })
})

describe('stripAnsi', () => {
  it('drops colour codes and keeps the text', () => {
    expect(stripAnsi('\x1B[0m\x1B[1m\x1B[38;5;9merror[E0277]\x1B[0m: x\n\x1B[33mwarning\x1B[0m')).toBe('error[E0277]: x\nwarning')
    expect(stripAnsi('plain')).toBe('plain')
  })
})
