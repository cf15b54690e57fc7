/**
 * The lesson's glossary: the words a learner meets in the learner's texts,
 * each defined once. The published site lists them on `glossary.html`, and
 * the check requires each topic deck to link a term's first use in its
 * learner's texts to its entry (`[lifetime](../glossary.html#lifetime)`).
 */
import type { Topic } from './topics.ts'
import { TOPICS } from './topics.ts'

export interface GlossaryTerm {
  /** The anchor on the glossary page, e.g. `lifetime`. */
  id: string
  /** The term as the page heads it (markdown: may hold backticks). */
  term: string
  /** The definition (markdown: code spans only). */
  definition: string
  /** The topic that teaches it. */
  topic: string
  /** Where the term is used in a learner's text: a plain word, or a code span such as `` `Send` ``. */
  pattern: RegExp
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  { id: 'lifetime', term: 'lifetime', topic: 'concrete-lifetimes', pattern: /\blifetimes?\b/i, definition: 'The stretch of code in which a borrow is valid. The compiler works one out for every reference and checks that the borrowed value lives at least that long. A lifetime annotation such as `\'a` names one, to relate the borrows in a signature; it never makes a value live longer.' },
  { id: 'borrow', term: 'borrow', topic: 'concrete-lifetimes', pattern: /\bborrow(?:s|ed|ing)?\b/i, definition: 'A reference to a value that someone else owns: `&T` (shared, many at once, read-only) or `&mut T` (exclusive, one at a time, may change the value). A borrow lasts until its last use, or, when it is held by a value whose drop may use it (its own `Drop`, or a field\'s), until that value is dropped.' },
  { id: 'static', term: '`\'static`', topic: 'generic-lifetimes', pattern: /`'static`/, definition: 'The lifetime of the whole run of the program. `&\'static T` points to data that lives that long, such as a string literal; the bound `T: \'static` means `T` holds no borrow shorter than that, which every owned type satisfies.' },
  { id: 'drop-glue', term: 'drop glue', topic: 'concrete-lifetimes', pattern: /\bdrop glue\b/i, definition: 'The code the compiler generates to drop a value: it calls the type\'s own `Drop::drop`, if it has one, then drops each field in turn. A struct with no `Drop` of its own but a field that has one, such as a guard, runs that field\'s `drop` when it is dropped.' },
  { id: 'elision', term: 'elision', topic: 'concrete-lifetimes', pattern: /\belision\b/i, definition: 'Leaving lifetimes out of a function signature. Three rules fill them in: each reference parameter gets its own lifetime; with exactly one input lifetime, outputs get it; in a method with `&self` or `&mut self`, outputs get the lifetime of `self`. When the rules leave an output lifetime unknown, rustc asks for one (E0106).' },
  { id: 'temporary', term: 'temporary', topic: 'concrete-lifetimes', pattern: /\btemporar(?:y|ies)\b/i, definition: 'A value an expression creates without naming it, such as the `String` in `String::from("x").trim()`. It is dropped at the end of its statement, or, in the expression a `match`, `if let` or `while let` examines, at the end of that whole construct.' },
  { id: 'smart-pointer', term: 'smart pointer', topic: 'box', pattern: /\bsmart pointers?\b/i, definition: 'A type that acts as a pointer to a value and manages it: `Box<T>`, `Rc<T>`, `Arc<T>`, and guards such as `Ref<T>` or `MutexGuard<T>`. It implements `Deref` to the value, and often `Drop` to free or release it.' },
  { id: 'fat-pointer', term: 'fat pointer', topic: 'box', pattern: /\bfat\b/i, definition: 'A pointer to a value whose size is not known at compile time, carrying a second word: the length for `str` and `[T]`, a pointer to the vtable for `dyn Trait`.' },
  { id: 'vtable', term: 'vtable', topic: 'box', pattern: /\bvtable\b/i, definition: 'The table of a trait\'s methods for one concrete type, with its size and alignment, that a `dyn Trait` pointer carries so that calls find the right method at run time.' },
  { id: 'niche', term: 'niche', topic: 'box', pattern: /\bniche\b/i, definition: 'A bit pattern a type never uses, which an enum around it can use for another variant: a `Box` is never null, so `Option<Box<T>>` stores `None` as the null pointer and is no larger than the box.' },
  { id: 'reference-counting', term: 'reference counting', topic: 'rc', pattern: /\b(?:strong|weak) counts?\b/i, definition: 'Keeping a count of a value\'s owners next to it, and freeing the value when the count reaches zero. `Rc<T>` and `Arc<T>` count strong handles (owners) and weak handles (`Weak<T>`, which do not keep the value alive).' },
  { id: 'interior-mutability', term: 'interior mutability', topic: 'refcell', pattern: /\binterior mutability\b/i, definition: 'Changing a value through a shared reference `&T`, with the borrow rules checked at run time instead of compile time: `Cell`, `RefCell` on one thread; `Mutex`, `RwLock` and atomics across threads.' },
  { id: 'guard', term: 'guard', topic: 'refcell', pattern: /\bguards?\b/i, definition: 'A value that holds a borrow or a lock while it lives and gives it back when it is dropped: `Ref` and `RefMut` from a `RefCell`, `MutexGuard` from a `Mutex`, `RwLockReadGuard` and `RwLockWriteGuard` from an `RwLock`.' },
  { id: 'send', term: '`Send`', topic: 'arc', pattern: /`Send`/, definition: 'The marker trait of types whose values may be moved to another thread. The compiler implements it for a type when all its fields are `Send`; `Rc<T>` and `MutexGuard<T>` are not. `thread::spawn` requires it of everything its closure takes.' },
  { id: 'sync', term: '`Sync`', topic: 'arc', pattern: /`Sync`/, definition: 'The marker trait of types that several threads may use at once through shared references: `T` is `Sync` exactly when `&T` is `Send`. `Cell<T>` and `RefCell<T>` are not, because their checks are not thread-safe; `Mutex<T>` is, when `T` is `Send`.' },
  { id: 'atomic', term: 'atomic', topic: 'arc', pattern: /\batomic\b/i, definition: 'An operation that other threads see as a whole, never half-done, such as `fetch_add` on an `AtomicUsize`. `Arc<T>` counts its owners with atomic operations; `Rc<T>` with plain ones.' },
  { id: 'data-race', term: 'data race', topic: 'arc', pattern: /\bdata races?\b/i, definition: 'Two threads using the same memory at the same time, at least one of them writing, without synchronisation. Safe Rust rules data races out at compile time, through `Send` and `Sync`; it does not rule out race conditions.' },
  { id: 'race-condition', term: 'race condition', topic: 'mutex', pattern: /\brace conditions?\b/i, definition: 'A result that depends on how threads happen to interleave, such as an update lost when a value is read under one lock and written back under another. It is a mistake in the program\'s logic: safe Rust rules out data races, not race conditions.' },
  { id: 'poisoning', term: 'poisoning', topic: 'mutex', pattern: /\bpoison(?:s|ed|ing)?\b/i, definition: 'The mark a `Mutex` or `RwLock` gets when a thread panics while holding its lock (for an `RwLock`, its write lock): the data may be half-changed, so later `lock()`, `read()` or `write()` calls return `Err(PoisonError)`. `into_inner` on the error still gives the guard, and `clear_poison` removes the mark.' },
  { id: 'deadlock', term: 'deadlock', topic: 'mutex', pattern: /\bdeadlocks?\b/i, definition: 'Threads waiting for each other forever: each holds a lock another needs. Taking locks in one order everywhere prevents the usual case; locking a `Mutex` twice on one thread is another.' },
  { id: 'coercion', term: 'deref coercion', topic: 'deref', pattern: /\bcoercions?\b/i, definition: 'The compiler turning `&T` into `&U` (or `&mut T` into `&mut U`, or `&mut T` into `&U`) where `T: Deref<Target = U>`, as often as needed, so that a `&String` goes where a `&str` is expected. It happens at compile time and costs nothing at run time.' },
]

/** The topic that teaches a term. */
export function termTopic(term: GlossaryTerm, topics: readonly Topic[] = TOPICS): Topic | undefined {
  return topics.find(t => t.id === term.topic)
}

/** The link to a term's entry, from a deck. */
export function glossaryHref(id: string): string {
  return `../glossary.html#${id}`
}

/**
 * Where markdown `text` first uses `term` outside a link and outside code
 * (code spans count for a term that is itself a code span), or -1; and
 * whether that first use is a link to the term's entry.
 */
export function firstUse(text: string, term: GlossaryTerm): { index: number, linked: boolean } {
  const href = glossaryHref(term.id)
  const codeTerm = term.pattern.source.startsWith('`')
  // Links first (kept whole), then code spans, then words.
  const token = /\[([^\]]*)\]\(([^)]*)\)|`[^`]*`|[^`[]+|[`[]/g
  for (const m of text.matchAll(token)) {
    const [whole, label, target] = m
    if (label !== undefined) {
      if (term.pattern.test(label))
        return { index: m.index, linked: target === href }
      continue
    }
    if (whole.startsWith('`') && !codeTerm)
      continue
    const found = term.pattern.exec(whole)
    if (found)
      return { index: m.index + found.index, linked: false }
  }
  return { index: -1, linked: false }
}

/** `text` with the first unlinked use of `term` made a link to its entry (unchanged when there is none, or it is linked). */
export function linkFirstUse(text: string, term: GlossaryTerm): string {
  const use = firstUse(text, term)
  if (use.index < 0 || use.linked)
    return text
  const found = term.pattern.exec(text.slice(use.index))!
  const words = found[0]
  return `${text.slice(0, use.index)}[${words}](${glossaryHref(term.id)})${text.slice(use.index + words.length)}`
}
