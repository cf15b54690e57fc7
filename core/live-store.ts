/**
 * Keeps a live-coding slide's edit in the browser (localStorage), per
 * snippet and region, so it survives slide navigation and page reloads. An
 * edit is stored with the original it was made from: when the snippet in
 * the workspace changes, the stale edit is dropped instead of shown.
 */

/** The part of `Storage` used here, so tests can pass a plain object. */
export interface EditStorage {
  getItem: (key: string) => string | null
  setItem: (key: string, value: string) => void
  removeItem: (key: string) => void
  /** To list what is kept, for a reset of every edit; a storage without them forgets nothing it cannot name. */
  readonly length?: number
  key?: (index: number) => string | null
}

interface StoredEdit {
  /** The original the edit started from. */
  base: string
  code: string
}

const PREFIX = 'lesson-live:v1:'
/** The last reset of every edit this browser applied (`core/live-sync.ts`). */
const RESET_KEY = `${PREFIX}reset`

export function editKey(snippet: string, region?: string): string {
  return `${PREFIX}${snippet}${region ? `#${region}` : ''}`
}

/** The kept edit of `original`, or null when there is none (or it is stale or unreadable). */
export function loadEdit(storage: EditStorage | undefined, key: string, original: string): string | null {
  let raw: string | null = null
  try {
    raw = storage?.getItem(key) ?? null
  }
  catch {
    return null
  }
  if (!raw)
    return null
  try {
    const stored = JSON.parse(raw) as Partial<StoredEdit>
    if (stored.base === original && typeof stored.code === 'string' && stored.code !== original)
      return stored.code
  }
  catch {}
  storage?.removeItem(key)
  return null
}

/** Keeps `code`; keeping the original itself forgets the edit. */
export function saveEdit(storage: EditStorage | undefined, key: string, original: string, code: string): void {
  try {
    if (code === original)
      storage?.removeItem(key)
    else
      storage?.setItem(key, JSON.stringify({ base: original, code } satisfies StoredEdit))
  }
  catch {
    // Storage full or disabled (private mode): the edit lives until reload.
  }
}

export function forgetEdit(storage: EditStorage | undefined, key: string): void {
  try {
    storage?.removeItem(key)
  }
  catch {}
}

/**
 * Forgets every kept edit of every live slide, once per reset: true when
 * reset `id` is new to this browser (the edits were forgotten now), false
 * when it was applied before (edits kept since are the instructor's new ones).
 */
export function forgetEditsFor(storage: EditStorage | undefined, id: string): boolean {
  try {
    if (!storage || storage.getItem(RESET_KEY) === id)
      return false
    const keys: string[] = []
    for (let i = 0; i < (storage.length ?? 0); i++) {
      const key = storage.key?.(i)
      if (key?.startsWith(PREFIX) && key !== RESET_KEY)
        keys.push(key)
    }
    keys.forEach(key => storage.removeItem(key))
    storage.setItem(RESET_KEY, id)
    return true
  }
  catch {
    return false
  }
}
