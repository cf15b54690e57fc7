import { describe, expect, it } from 'vitest'
import { hideInstrumentation } from './instrumentation.ts'

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
