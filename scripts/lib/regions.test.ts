import { describe, expect, it } from 'vitest'
import { parseRegions } from './regions.ts'

describe('parseRegions', () => {
  it('finds named and nested regions with their lines', () => {
    const src = ['fn main() {', '    // #region outer', '    // #region inner', '    let x = 1;', '    // #endregion inner', '    // #endregion outer', '}'].join('\n')
    const regions = parseRegions(src, 'f.rs')
    expect([...regions.values()]).toEqual([
      { name: 'inner', start: 3, end: 5 },
      { name: 'outer', start: 2, end: 6 },
    ])
  })

  it('lets an unnamed #endregion close the innermost region', () => {
    expect(parseRegions('// #region a\n// #endregion', 'f.rs').get('a')).toEqual({ name: 'a', start: 1, end: 2 })
  })

  it.each([
    ['// #region a\nx', 'f.rs:1: region `a` is never closed'],
    ['// #endregion a', 'f.rs:1: `#endregion a` closes no open region'],
    ['// #region a\n// #region a\n', 'f.rs:2: region `a` is opened twice'],
    ['// #regoin a', 'f.rs:1: `// #regoin a` looks like a region marker'],
    ['// #end region a', 'looks like a region marker'],
  ])('rejects %j', (src, message) => {
    expect(() => parseRegions(src, 'f.rs')).toThrow(message)
  })
})
