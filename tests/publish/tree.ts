/**
 * A directory's exact state (every path, mode and content hash), to prove a
 * failed publish left the previous site byte for byte as it was.
 */
import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'

export async function treeDigest(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true }))) {
    const path = join(entry.parentPath, entry.name)
    const rel = path.slice(dir.length + 1)
    const info = await stat(path)
    out[rel] = entry.isDirectory()
      ? `dir ${info.mode.toString(8)}`
      : `${info.mode.toString(8)} ${info.mtimeMs} ${createHash('sha256').update(await readFile(path)).digest('hex')}`
  }
  return out
}
