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
}

interface StoredEdit {
  /** The original the edit started from. */
  base: string
  code: string
}

export function editKey(snippet: string, region?: string): string {
  return `lesson-live:v1:${snippet}${region ? `#${region}` : ''}`
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
