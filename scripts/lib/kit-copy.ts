/**
 * A throw-away copy of the kit, for tests that break things on purpose and
 * benchmarks that need a cold start: the snippets, the decks and (unless
 * `cold`) the check's cache, so unchanged snippets are judged from their
 * captures instead of rebuilt; never node_modules or build output. With
 * `code`, also the kit's own TypeScript (adapter/, core/, scripts/, package.json,
 * README.md) and a link to node_modules, so the copy's commands run on the
 * copy's own topic list.
 *
 * Unless `cold`, the check's build (`snippets/target/check`) comes along
 * too, timestamps and all, sources included: cargo's fingerprints do not
 * depend on where the workspace is, so the copy's first check rebuilds only
 * what the test changed instead of the whole workspace. It is a copy, not
 * links: cargo rewrites fingerprint files in place.
 */
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { run } from './process.ts'

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
    dirs.push('adapter', 'core', 'scripts', 'package.json', 'README.md')
    await symlink(join(KIT_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir')
  }
  for (const dir of dirs) {
    await cp(join(KIT_ROOT, dir), join(root, dir), { recursive: true, filter: skip, preserveTimestamps: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT')
        throw error
    })
  }
  if (!options.cold)
    await copyCheckBuild(root)
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

/**
 * The kit's check build, copied into the copy's `snippets/target/check`
 * with its timestamps (`cp -a`); skipped when there is none yet or when
 * `CARGO_TARGET_DIR` moves it (the copy then builds where that says).
 */
async function copyCheckBuild(root: string): Promise<void> {
  if (process.env.CARGO_TARGET_DIR)
    return
  const from = join(KIT_ROOT, 'snippets', 'target', 'check')
  if (!existsSync(from))
    return
  await mkdir(join(root, 'snippets', 'target'), { recursive: true })
  const copied = await run('cp', ['-a', from, join(root, 'snippets', 'target', 'check')])
  if (copied.exitCode !== 0)
    throw new Error(`cp -a ${from} into ${root} failed: ${copied.stderr}`)
}

/**
 * A copy that can also be served: the kit's code and a hard-linked
 * `node_modules` (no space; Slidev's and Vite's caches left out, since a
 * write there would go through the link into the kit's own), so a dev
 * server watches the copy's snippets, not the kit's.
 */
export async function copyKitWithCode(): Promise<KitCopy> {
  const copy = await copyKit()
  for (const dir of ['adapter', 'components', 'core', 'scripts', 'setup', 'styles', 'public'])
    await cp(join(KIT_ROOT, dir), join(copy.root, dir), { recursive: true })
  // The test decks (`tests/fixtures/*.md`), which take the copy as their addon; not Slidev's cache beside them.
  await cp(join(KIT_ROOT, 'tests', 'fixtures'), join(copy.root, 'tests', 'fixtures'), { recursive: true, filter: src => !src.includes('node_modules') })
  for (const file of ['package.json', 'global-top.vue', 'global-bottom.vue', 'env.d.ts', 'tsconfig.json'])
    await cp(join(KIT_ROOT, file), join(copy.root, file))
  const modules = join(KIT_ROOT, 'node_modules')
  const entries = (await readdir(modules)).filter(e => !['.slidev', '.vite', '.vite-temp', '.cache'].includes(e))
  await mkdir(join(copy.root, 'node_modules'))
  const copied = await run('cp', ['-al', ...entries.map(e => join(modules, e)), join(copy.root, 'node_modules')])
  if (copied.exitCode !== 0)
    throw new Error(`cp -al node_modules into ${copy.root} failed: ${copied.stderr}`)
  return copy
}
