/** Files the check reads and writes: `generated/`, written atomically; optional inputs. */
import { rmSync } from 'node:fs'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LessonError } from '../../../core/errors.ts'

/** Where the check writes: `<root>/generated/`, git-ignored, never edited by hand. */
export function generatedDir(root: string): string {
  return join(root, 'generated')
}

/** Files `writeAtomic` is writing, for an interrupted command to remove (`removePartialWrites`). */
const partial = new Set<string>()

/** Writes beside the target and renames, so a reader never sees half a file. */
export async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true })
  const tmp = `${path}.${process.pid}.tmp`
  partial.add(tmp)
  try {
    await writeFile(tmp, text)
    await rename(tmp, path)
  }
  finally {
    partial.delete(tmp)
  }
}

/** Removes the half-written files of writes still under way (an interrupt's cleanup: synchronous). */
export function removePartialWrites(): void {
  for (const tmp of partial)
    rmSync(tmp, { force: true })
}

/** The file's text, or null when it does not exist. */
export async function readOptional(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8')
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return null
    throw new LessonError(`${path}: cannot be read: ${(error as Error).message}`)
  }
}
