/**
 * The lesson's nine topics, in teaching order. The id is the one name a
 * topic has everywhere: `slides/<id>.md`, `snippets/<id>/`, snippet ids
 * `<id>/…`, `dist/<id>/`, `dist/pdf/<id>.pdf`.
 */
export interface Topic {
  id: string
  /** Outline number, e.g. `2.2.4`. */
  number: string
  title: string
}

export const TOPICS: readonly Topic[] = [
  { id: 'concrete-lifetimes', number: '2.2.1', title: 'Concrete Lifetimes' },
  { id: 'generic-lifetimes', number: '2.2.2', title: 'Generic Lifetimes' },
  { id: 'box', number: '2.2.3', title: 'Smart Pointers — Box<T>' },
  { id: 'rc', number: '2.2.4', title: 'Rc<T> Smart Pointer' },
  { id: 'refcell', number: '2.2.5', title: 'RefCell<T> Smart Pointer' },
  { id: 'arc', number: '2.2.6', title: 'Arc<T> Smart Pointer' },
  { id: 'mutex', number: '2.2.7', title: 'Mutex<T> Smart Pointer' },
  { id: 'rwlock', number: '2.2.8', title: 'RwLock<T> Smart Pointer' },
  { id: 'deref', number: '2.2.9', title: 'Deref Coercion' },
]

/** The whole-lesson deck's id. */
export const LESSON_ID = 'lesson'

export const TOPIC_IDS: readonly string[] = TOPICS.map(t => t.id)

export function isTopicId(id: string): boolean {
  return TOPIC_IDS.includes(id)
}
