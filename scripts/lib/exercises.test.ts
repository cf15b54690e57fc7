import { describe, expect, it } from 'vitest'
import { exerciseStatement, renderExercisesPage, statementHtml, workspaceEntries } from './exercises.ts'

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

describe('exerciseStatement', () => {
  it('keeps the prose of the doc comment, not the kit\'s keys', () => {
    expect(exerciseStatement(starter, 'x.rs')).toBe([
      'Exercise: a stack on the heap.',
      '',
      'Implement `push` and `pop`. The solution\'s tests check that:',
      '- pop returns values in reverse',
      '  push order;',
      '- an empty stack gives `None`',
    ].join('\n'))
  })

  it('fails, naming the file, when there is no statement', () => {
    expect(() => exerciseStatement('//! expect: runs\nfn main() {}\n', 'snippets/rc/src/bin/exercise.rs'))
      .toThrow('snippets/rc/src/bin/exercise.rs:1: the exercise starter has no doc comment')
  })
})

describe('statementHtml', () => {
  it('renders paragraphs, lists with wrapped items, and code, escaped', () => {
    const html = statementHtml(exerciseStatement(starter, 'x.rs'))
    expect(html).toBe([
      '<p>Exercise: a stack on the heap.</p>',
      '<p>Implement <code>push</code> and <code>pop</code>. The solution&#39;s tests check that:</p>'.replace('&#39;', '\''),
      '<ul><li>pop returns values in reverse push order;</li><li>an empty stack gives <code>None</code></li></ul>',
    ].join('\n'))
    expect(statementHtml('Use `Rc<RefCell<T>>` & more')).toBe('<p>Use <code>Rc&lt;RefCell&lt;T&gt;&gt;</code> &amp; more</p>')
  })
  it('renders numbered steps as one ordered list, wrapped lines and all', () => {
    expect(statementHtml('Steps:\n\n1. `add` a child: the\n   parent owns it.\n2. `path` walks up.\n\nDone when it prints.')).toBe([
      '<p>Steps:</p>',
      '<ol><li><code>add</code> a child: the parent owns it.</li><li><code>path</code> walks up.</li></ol>',
      '<p>Done when it prints.</p>',
    ].join('\n'))
    expect(statementHtml('1. one\n\n2. two')).toBe('<ol><li>one</li><li>two</li></ol>')
  })
})

const topic = { id: 'box', number: '2.2.3', title: 'Smart Pointers — Box<T>' }
const exercise = { topic, statement: 'Do it.', starter: 'fn main() { todo!() }\n', solution: 'fn main() {}\n', usesTrace: false, file: 'snippets/box/src/bin/exercise.rs' }

describe('workspaceEntries', () => {
  it('makes one crate per topic, starters only, no recorder when unused', async () => {
    const entries = await workspaceEntries('/nowhere', [exercise, { ...exercise, topic: { ...topic, id: 'rc' }, solution: null }], 'starter')
    const byPath = new Map(entries.map(e => [e.path, String(e.content)]))
    expect([...byPath.keys()]).toEqual([
      'lesson-2.2-exercises/Cargo.toml',
      'lesson-2.2-exercises/README.md',
      'lesson-2.2-exercises/box/Cargo.toml',
      'lesson-2.2-exercises/box/src/main.rs',
      'lesson-2.2-exercises/rc/Cargo.toml',
      'lesson-2.2-exercises/rc/src/main.rs',
    ])
    expect(byPath.get('lesson-2.2-exercises/Cargo.toml')).toContain('members = ["box", "rc"]')
    expect(byPath.get('lesson-2.2-exercises/box/src/main.rs')).toBe('fn main() { todo!() }\n')
    expect(byPath.get('lesson-2.2-exercises/box/Cargo.toml')).not.toContain('trace')
  })

  it('leaves topics without a solution out of the solutions', async () => {
    const entries = await workspaceEntries('/nowhere', [exercise, { ...exercise, topic: { ...topic, id: 'rc' }, solution: null }], 'solution')
    expect(entries.map(e => e.path)).toContain('lesson-2.2-solutions/box/src/main.rs')
    expect(entries.map(e => e.path).some(p => p.includes('/rc/'))).toBe(false)
  })
})

describe('renderExercisesPage', () => {
  it('lists each exercise with its statement and links both downloads', () => {
    const html = renderExercisesPage([exercise])
    expect(html).toContain('<h2 id="ex-box"><span class="num">2.2.3</span> Smart Pointers — Box&lt;T&gt;</h2>')
    expect(html).toContain('<p>Do it.</p>')
    expect(html).toContain('href="lesson-2.2-exercises.tar.gz"')
    expect(html).toContain('href="lesson-2.2-solutions.tar.gz"')
    expect(html).toContain('<html lang="en">')
  })
})
