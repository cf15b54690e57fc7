/**
 * A throw-away copy of the kit, for tests that break things on purpose and
 * benchmarks that need a cold start: the snippets, the decks and (unless
 * `cold`) the check's cache, so unchanged snippets are judged from their
 * captures instead of rebuilt; never node_modules or build output. With
 * `code`, also the kit's own TypeScript (core/, scripts/, package.json,
 * README.md) and a link to node_modules, so the copy's commands run on the
 * copy's own topic list.
 */
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const KIT_ROOT = fileURLToPath(new URL('../..', import.meta.url))

export interface KitCopy {
  root: string
  read: (path: string) => Promise<string>
  write: (path: string, text: string) => Promise<void>
  /** Replaces the first `from` in a file, failing loudly if it is not there. */
  edit: (path: string, from: string | RegExp, to: string) => Promise<void>
  remove: () => Promise<void>
}

export async function copyKit(options: { cold?: boolean, code?: boolean } = {}): Promise<KitCopy> {
  const root = await mkdtemp(join(tmpdir(), 'lesson-kit-'))
  const skip = (src: string) => !/\/(?:target|node_modules|dist|\.git)(?:\/|$)/.test(src.slice(KIT_ROOT.length - 1))
  const dirs = options.cold ? ['snippets', 'slides'] : ['snippets', 'slides', 'generated']
  if (options.code) {
    dirs.push('core', 'scripts', 'package.json', 'README.md')
    await symlink(join(KIT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir')
  }
  for (const dir of dirs) {
    await cp(join(KIT_ROOT, dir), join(root, dir), { recursive: true, filter: skip }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT')
        throw error
    })
  }
  const read = (path: string) => readFile(join(root, path), 'utf8')
  const write = (path: string, text: string) => writeFile(join(root, path), text)
  return {
    root,
    read,
    write,
    async edit(path, from, to) {
      const text = await read(path)
      const changed = text.replace(from, to)
      if (changed === text)
        throw new Error(`${path}: ${String(from)} not found; the test needs updating`)
      await write(path, changed)
    },
    remove: () => rm(root, { recursive: true, force: true }),
  }
}
