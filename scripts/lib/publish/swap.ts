/**
 * Replacing the published directory in one step. Everything is built in a
 * staging directory beside the target (same file system, so `rename` is
 * atomic); only a complete staging directory takes the target's place.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** A fresh, empty staging directory next to `target` (e.g. `.dist-staging-XXXX`). */
export function makeStaging(target: string): Promise<string> {
  return mkdtemp(join(dirname(target), `.${basename(target)}-staging-`))
}

/**
 * Puts `staging` in place of `target`. The old target is moved aside first
 * and deleted only once the new one is in place; if the second rename fails
 * the old one is put back, so `target` is never left half-written.
 */
export async function swapInto(staging: string, target: string): Promise<void> {
  if (!existsSync(target)) {
    await rename(staging, target)
    return
  }
  const aside = `${staging}-previous`
  await rename(target, aside)
  try {
    await rename(staging, target)
  }
  catch (error) {
    await rename(aside, target)
    throw error
  }
  await rm(aside, { recursive: true, force: true })
}
