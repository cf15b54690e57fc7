/**
 * Replacing the published directory in one step. Everything is built in a
 * staging directory beside the target (same file system, so `rename` is
 * atomic); only a complete staging directory takes the target's place.
 *
 * The target is replaced as a whole, so `checkTarget` first makes sure it
 * is something publish may replace: a new or empty folder, or a site an
 * earlier publish wrote (it holds `SITE_MARKER`), never the kit itself.
 */
import { constants, existsSync, renameSync } from 'node:fs'
import { access, chmod, lstat, mkdtemp, readdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { LessonError } from '../../../core/errors.ts'

/** The file every published site holds: publish replaces only a folder with it (or an empty one). */
export const SITE_MARKER = '.lesson-site'

const MARKER_TEXT = 'This folder was written by the lesson kit (`npm run publish`, `npm run build`); the next `npm run publish` into it replaces it as a whole.\n'

/** Writes the marker into a site about to be swapped in, or into `dist/` as `npm run build` fills it. */
export function writeMarker(site: string): Promise<void> {
  return writeFile(join(site, SITE_MARKER), MARKER_TEXT)
}

const STAGING = (target: string) => `.${basename(target)}-staging-`

/**
 * A fresh, empty staging directory next to `target`
 * (`.dist-staging-<pid>-XXXXXX`), readable by everyone like any folder
 * (mkdtemp makes it private, and the site keeps its mode).
 */
export async function makeStaging(target: string): Promise<string> {
  const dir = await mkdtemp(join(dirname(target), `${STAGING(target)}${process.pid}-`))
  await chmod(dir, 0o755)
  return dir
}

/**
 * Refuses, before any work, a target publish must not replace, with one
 * line naming it: the kit's own folder or one that holds it, a file, a
 * folder with files that no publish wrote, a folder whose parent does not
 * exist, and one that cannot be replaced (read-only, immutable).
 */
export async function checkTarget(target: string, root: string): Promise<void> {
  const out = resolve(target)
  const parent = dirname(out)
  if (!existsSync(parent))
    throw new LessonError(`cannot publish into ${out}: its parent folder ${parent} does not exist; create it first or choose another folder`)
  const kit = await realpath(root)
  const real = join(await realpath(parent), basename(out))
  const inside = relative(real, kit)
  if (inside === '' || (!inside.startsWith(`..${sep}`) && inside !== '..' && !inside.startsWith(sep)))
    throw new LessonError(`cannot publish into ${out}: it ${inside === '' ? 'is' : 'holds'} the kit's own folder, and publish replaces its target as a whole; choose a new or empty folder, e.g. dist/`)
  if (!(await lstat(parent)).isDirectory())
    throw new LessonError(`cannot publish into ${out}: ${parent} is not a folder`)
  await writable(parent, out, `the site is built beside it, in ${parent}`)
  if (!existsSync(out) && !(await lstat(out).catch(() => null)))
    return
  const stat = await lstat(out)
  if (stat.isSymbolicLink())
    throw new LessonError(`cannot publish into ${out}: it is a symbolic link; give the folder it points to`)
  if (!stat.isDirectory())
    throw new LessonError(`cannot publish into ${out}: it is a file, and publish replaces its target as a whole; choose a new or empty folder`)
  const entries = await readdir(out)
  if (entries.length && !entries.includes(SITE_MARKER) && !(await isUnmarkedSite(out))) {
    const shown = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '')
    throw new LessonError(`cannot publish into ${out}: it holds files no publish wrote (${shown}; a published site holds ${SITE_MARKER}), and publish replaces its target as a whole; choose a new or empty folder, or remove it yourself`)
  }
  await writable(out, out, 'it is replaced as a whole')
}

/** A site published before sites were marked: its `publish.json` is publish's manifest. */
async function isUnmarkedSite(dir: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(join(dir, 'publish.json'), 'utf8')) as Record<string, unknown>
    return Array.isArray(manifest.decks) && Array.isArray(manifest.pdfs) && typeof manifest.notes === 'boolean'
  }
  catch {
    return false
  }
}

async function writable(dir: string, out: string, why: string): Promise<void> {
  try {
    // EPERM for an immutable folder (`chattr +i`), EACCES or EROFS for a read-only one.
    await access(dir, constants.W_OK)
  }
  catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new LessonError(`cannot publish into ${out}: ${dir} cannot be written (${code}${code === 'EPERM' ? ': immutable?' : ''}), and ${why}`)
  }
}

/**
 * Staging folders (and previous sites moved aside) that an earlier publish
 * into `target` left behind when it was killed (SIGKILL, a power cut):
 * removed, except those of a publish still running. If the kill came
 * between the two renames of `swapInto`, the previous site is put back.
 * Returns one line per folder it dealt with.
 */
export async function cleanLeftovers(target: string): Promise<string[]> {
  const parent = dirname(resolve(target))
  const prefix = STAGING(target)
  const done: string[] = []
  if (!existsSync(parent))
    return done
  const names = (await readdir(parent)).filter(n => n.startsWith(prefix)).sort()
  // Previous sites first: one may be all that is left of the target.
  for (const name of [...names.filter(n => n.endsWith('-previous')), ...names.filter(n => !n.endsWith('-previous'))]) {
    const pid = Number(/^(\d+)-/.exec(name.slice(prefix.length))?.[1])
    if (pid && alive(pid))
      continue
    const path = join(parent, name)
    if (name.endsWith('-previous') && !existsSync(target)) {
      await rename(path, target)
      done.push(`put back ${basename(target)}/ from ${name}, left by a publish that was killed while replacing it`)
      continue
    }
    await rm(path, { recursive: true, force: true })
    done.push(`removed ${name}, left by a publish that was killed`)
  }
  return done
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  }
  catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Puts `staging` in place of `target`. The old target is moved aside first;
 * if the second rename fails the old one is put back, so `target` is never
 * left half-written. Both renames are synchronous: an interrupt's handler
 * runs before or after the swap, never between its halves. Returns where
 * the old target went (for `removeAside`), or null when there was none.
 */
export function swapInto(staging: string, target: string): string | null {
  if (!existsSync(target)) {
    renameSync(staging, target)
    return null
  }
  const aside = `${staging}-previous`
  renameSync(target, aside)
  try {
    renameSync(staging, target)
  }
  catch (error) {
    renameSync(aside, target)
    throw error
  }
  return aside
}

/** Deletes the old site `swapInto` moved aside; a warning when it could not (the next publish tries again). */
export async function removeAside(aside: string): Promise<string | null> {
  try {
    await rm(aside, { recursive: true, force: true })
    return null
  }
  catch (error) {
    return `the previous site could not be deleted from ${aside} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next publish tries again`
  }
}
