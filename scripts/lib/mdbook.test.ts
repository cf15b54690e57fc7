import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KIT_ROOT } from './kit-copy.ts'
import { bookSettings, itemsOnly, readChapter, rustfmtOptions } from './mdbook.ts'

const book = join(KIT_ROOT, 'tests', 'fixtures', 'mdbook')
const disk = { read: (p: string) => (existsSync(p) && statSync(p).isFile() ? readFileSync(p, 'utf8') : null), exists: existsSync }
const memory = (files: Record<string, string>) => ({ read: (p: string) => files[p] ?? null, exists: (p: string) => p in files })
const chapter = (name: string) => readChapter(readFileSync(join(book, 'src', name), 'utf8'), join(book, 'src', name), disk)

describe('readChapter', () => {
  const boxes = chapter('smart-pointers/boxes.md')

  it('reads every Rust fence, with its attributes and the promise they make, and skips other languages', () => {
    expect(boxes.map(b => [b.index, b.attributes.join(','), b.promise])).toEqual([
      [1, 'editable', 'runs'],
      [2, 'editable', 'runs'],
      [3, 'editable,compile_fail', 'compile-error'],
      [4, 'should_panic', 'panics'],
      [5, 'editable', 'runs'],
      [6, '', 'runs'],
      [7, '', 'runs'],
      [8, 'editable', 'runs'],
      [9, '', 'runs'],
      [10, 'ignore', 'ignore'],
      [11, 'no_run', 'builds'],
      [12, 'edition2024', 'runs'],
      [13, 'editable', 'runs'],
      [14, 'editable', 'runs'],
      [15, '', 'runs'],
      [16, '', 'runs'],
    ])
    expect(boxes[11]!.edition).toBe('2024')
    expect(chapter('smart-pointers/sharing.md')[2]).toMatchObject({ promise: 'compile-error', codes: ['E0277'] })
  })

  it('shows hidden `# ` lines and keeps them out of the shown lines', () => {
    const b = boxes[1]!
    expect(b.code).toContain('use std::rc::Rc;\n\nfn main() {')
    expect(b.code).toContain('    drop(again);\n')
    expect(b.shown).toEqual([3, 4, 5, 6, 9])
    expect(b.wrapped).toBe(false)
  })

  it('wraps a block without main as rustdoc does, crate attributes above it', () => {
    expect(boxes[5]!.code).toBe('fn main() {\n    let boxed: Box<[i32]> = vec![1, 2, 3].into_boxed_slice();\n    let total: i32 = boxed.iter().sum();\n    println!("{} items, total {total}", boxed.len());\n}\n')
    expect(boxes[6]!.code.split('\n').slice(0, 3)).toEqual(['#![allow(dead_code)]', 'fn main() {', '    struct Meter {'])
    expect(boxes[6]!.shown[0]).toBe(3)
    expect(boxes[9]!.wrapped).toBe(false)
  })

  it('adds an empty main after a block of items alone, so a `mod tests` still sees them', () => {
    const [b] = readChapter('```rust,noplayground\npub trait Send2 {\n    fn go(&self);\n}\n\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n```\n', '/b/src/ch.md', memory({}))
    expect(b!.code).toBe('pub trait Send2 {\n    fn go(&self);\n}\n\nfn main() {}\n\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n')
    expect(itemsOnly(['struct A;', 'let a = A;'])).toBe(false)
    expect(itemsOnly(['#![allow(dead_code)]', 'println!("hi");'])).toBe(false)
  })

  it('reads a fence inside <details> and a list item', () => {
    expect(boxes[12]!.code).toBe('use std::rc::Rc;\n\nfn main() {\n    let a = Rc::new(5);\n    let b = Rc::clone(&a);\n    println!("{}", Rc::strong_count(&a));\n    drop(b);\n    println!("{}", Rc::strong_count(&a));\n}\n')
  })

  it('expands includes by anchor and by line range, and hides what a rustdoc_include leaves out', () => {
    expect(boxes[13]!.code).toMatch(/^\/\/ A stack of boxes, each owning the next\.\nstruct Node \{/)
    expect(boxes[13]!.code).not.toContain('ANCHOR')
    // Lines 3 to 12 are items only: they keep their place, and an empty main follows them.
    expect(boxes[14]!.code).toMatch(/^struct Node \{\n[\s\S]*\n\}\n\nfn main\(\) \{\}\n$/)
    expect(boxes[14]!.code.trimEnd().split('\n')).toHaveLength(12)
    expect(boxes[14]!.shown).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    const middle = boxes[15]!
    expect(middle.code).toContain('fn main() {\n    let three')
    expect(middle.shown.map(n => middle.code.split('\n')[n - 1]!.trim())).toEqual(['let three = Some(Box::new(Node {', 'next: Some(Box::new(Node { next: Some(Box::new(Node { next: None })) })),', '}));', 'println!("depth {}", depth(&three));'])
  })

  it('finds a cargo listing with its output.txt behind an include', () => {
    const listings = chapter('listings.md')
    expect(listings.map(b => b.listing?.slice(book.length + 1))).toEqual(['listings/ch-pointers/listing-01', 'listings/ch-pointers/listing-02', 'listings/ch-pointers/listing-03', 'listings/ch-pointers/listing-04', 'listings/ch-pointers/listing-05', 'listings/ch-pointers/listing-06'])
    expect(listings[1]).toMatchObject({ attributes: ['ignore', 'does_not_compile'], promise: 'compile-error' })
  })

  it('names file and line for an unclosed fence, a missing file or anchor, and a bad range', () => {
    const files = memory({ '/b/src/a.rs': 'fn main() {}\n' })
    expect(() => readChapter('text\n```rust\nfn main() {}\n', '/b/src/ch.md', files)).toThrow('/b/src/ch.md:2: a code block opened here is never closed')
    expect(() => readChapter('```rust\n{{#include b.rs}}\n```\n', '/b/src/ch.md', files)).toThrow('/b/src/ch.md:2: `{{#include b.rs}}` names /b/src/b.rs, which does not exist')
    expect(() => readChapter('```rust\n{{#include a.rs:nope}}\n```\n', '/b/src/ch.md', files)).toThrow('/b/src/ch.md:2: anchor `nope` is not in /b/src/a.rs')
    expect(() => readChapter('```rust\n\n{{#include a.rs:5:2}}\n```\n', '/b/src/ch.md', files)).toThrow('/b/src/ch.md:3: `a.rs:5:2` is not a line range')
  })
})

describe('bookSettings', () => {
  it('reads the book\'s edition and its rustfmt.toml', () => {
    expect(bookSettings(join(book, 'src', 'smart-pointers', 'boxes.md'), disk)).toEqual({ edition: '2021', rustfmt: ['max_width=85', 'use_small_heuristics=Max'], rustfmtFile: join(book, 'rustfmt.toml') })
    expect(rustfmtOptions('edition = "2021"\nmax_width = 85 # narrow\n')).toEqual(['max_width=85'])
  })
})
