import { describe, expect, it } from 'vitest'
import { typedMeasureProblem, typedMeasures } from './claims.ts'

describe('typedMeasures', () => {
  it.each([
    ['the gain is at most 2× on two cores', '2×'],
    ['Mutex 4 570 reads/ms against', '4 570 reads/ms'],
    ['a 1 KiB value', '1 KiB'],
    ['The box itself is 8 bytes', '8 bytes'],
    ['waits 200 ms first', '200 ms'],
    ['about 5.3x slower', '5.3x'],
    ['uses 40% more', '40%'],
    ['takes 1.5 s', '1.5 s'],
    ['Box<u64>  8 B', '8 B'],
    ['one node is 2 words', '2 words'],
  ])('finds %j', (text, typed) => {
    expect(typedMeasures(text, 7).map(m => m.text)).toEqual([typed])
  })

  it.each([
    'E0499 and E0502, twice',
    'rustc 1.95 and edition 2024',
    'a `u16` and `[0u8; 16 << 20]`',
    'class="gap-4 mt-3"',
    'takes 10 minutes, 3 steps',
    'one pointer wide, two words on the stack are words',
    'usize::MAX is 2^64 - 1 on 64-bit targets',
  ])('leaves %j alone', (text) => {
    expect(typedMeasures(text, 1)).toEqual([])
  })

  it('lets a constant pass with its source beside it', () => {
    expect(typedMeasures('The main thread\'s stack is 8 MiB (source: `ulimit -s` on Linux)', 3)).toEqual([])
    expect(typedMeasures('The main thread\'s stack is 8 MiB (source: )', 3)).toHaveLength(1)
  })

  it('says where and how to fix', () => {
    const [m] = typedMeasures('The gain is at most 2× here.', 12)
    expect(m).toEqual({ line: 12, column: 21, text: '2×' })
    expect(typedMeasureProblem('slides/rwlock.md', m!)).toMatch(/^slides\/rwlock\.md:12: "2×" is a measured quantity typed into the slide; render it from a capture \(<MeasuredRatio/)
  })
})
