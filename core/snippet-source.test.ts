import { describe, expect, it } from 'vitest'
import { anchorMarker, blankHeaderKeys, bodyStart, hideInstrumentation, learnerSource, parseRegions, programView, quotedRegionMarker } from './snippet-source.ts'

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

describe('hideInstrumentation', () => {
  it('hides recording calls and keeps the code around them', () => {
    const code = [
      'use std::rc::Rc;',
      'use trace::Op;',
      'let a = Rc::new(1);',
      '    trace::rc("a", Op::New, &a);',
      'let b = Rc::clone(&a); // trace::rc stays in a comment',
    ].join('\n')
    expect(hideInstrumentation(code)).toBe('use std::rc::Rc;\nlet a = Rc::new(1);\nlet b = Rc::clone(&a); // trace::rc stays in a comment')
  })

  it('hides a call rustfmt wrapped over several lines', () => {
    const code = ['trace::refcell(', '    "log",', '    &log,', ');', 'log.borrow_mut().push(1);'].join('\n')
    expect(hideInstrumentation(code)).toBe('log.borrow_mut().push(1);')
  })
})

const starter = `//! expect: panics "not yet implemented"
//!
//! Exercise: a stack on the heap.
//!
//! Implement \`push\` and \`pop\`. The solution's tests check that:
//! - pop returns values in reverse
//!   push order;
//! - an empty stack gives \`None\`

// #region starter
fn main() {
    todo!()
}
// #endregion starter
`

describe('learnerSource', () => {
  it('drops the expectation header and region markers, keeps the rest', () => {
    const out = learnerSource(starter)
    expect(out.startsWith('//! Exercise: a stack on the heap.')).toBe(true)
    expect(out).not.toMatch(/expect:|#region|#endregion/)
    expect(out).toContain('fn main() {\n    todo!()\n}')
  })

  it('drops every marker the check accepts, with or without a space after //', () => {
    const src = ['//! expect: runs', '', 'fn main() {', '    //#region a', '    let x = 1;', '    //#endregion a', '// #region b', '// #endregion', '}'].join('\n')
    expect(learnerSource(src)).toBe(['', 'fn main() {', '    let x = 1;', '}'].join('\n'))
    // The markers the learner's file loses are exactly the regions the check reads.
    expect([...parseRegions(src, 'f.rs').keys()]).toEqual(['a', 'b'])
  })

  it('keeps the prose around keys that are not at the top', () => {
    expect(learnerSource('//! Title.\n//!\n//! expect: tests\n//! support: why\n//!\n//! More.\nfn main() {}'))
      .toBe('//! Title.\n//!\n//! More.\nfn main() {}')
  })
})

describe('programView', () => {
  it('is the body without recorder lines and markers, each line mapped to the file', () => {
    const src = ['//! expect: runs', '', 'use trace::Op;', 'fn main() {', '    //#region r', '    let a = 1;', '    trace::label(', '        "a",', '    );', '    println!("{a}");', '    // #endregion', '}'].join('\n')
    const v = programView(src)
    expect(v.lines).toEqual(['fn main() {', '    let a = 1;', '    println!("{a}");', '}'])
    expect(v.sourceLines).toEqual([4, 6, 10, 12])
    expect(v.regions.get('r')).toEqual({ from: 1, to: 3 })
  })
})

describe('blankHeaderKeys', () => {
  it('blanks only the keys named, only in the header, keeping line numbers', () => {
    const src = '//! expect: runs\n//! edition: 2024\n//! support: x\nlet s = "//! expect: runs";'
    expect(blankHeaderKeys(src, ['expect', 'support'])).toBe('//!\n//! edition: 2024\n//!\nlet s = "//! expect: runs";')
  })
})

describe('bodyStart', () => {
  it('starts the body after the header and the blank line closing it', () => {
    expect(bodyStart(['//! expect: runs', '', 'fn main() {}'])).toBe(2)
    expect(bodyStart(['//! expect: runs', 'fn main() {}'])).toBe(1)
    expect(bodyStart(['', 'fn main() {}'])).toBe(0)
  })
})

describe('quotedRegionMarker', () => {
  it('finds a marker rustc quotes after its gutter', () => {
    expect(quotedRegionMarker('12 |     // #endregion push')).toEqual({ kind: 'end', name: 'push' })
    expect(quotedRegionMarker('   |     //#region main')).toEqual({ kind: 'start', name: 'main' })
  })

  it('leaves code and comments that only mention a region', () => {
    expect(quotedRegionMarker('let url = "http://x"; // see #region docs below')).toBeNull()
    expect(quotedRegionMarker('println!("{}", region);')).toBeNull()
  })
})

describe('anchorMarker', () => {
  it('reads an anchor line\'s kind, name and indent, and nothing else', () => {
    expect(anchorMarker('    // ANCHOR: here')).toEqual({ kind: 'start', name: 'here', indent: '    ' })
    expect(anchorMarker('// ANCHOR_END: here')).toEqual({ kind: 'end', name: 'here', indent: '' })
    expect(anchorMarker('let anchor = 1; // not one')).toBeNull()
  })
})
