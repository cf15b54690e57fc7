import type { Region, SnippetHeader } from '../../core/snippet-source.ts'
/**
 * Finds the snippets: each `snippets/<topic>/src/bin/<name>.rs` is a program
 * (id `<topic>/<name>`), each `snippets/<topic>/fail/<name>.rs` a snippet that
 * must not compile, kept outside cargo's targets so the crate still builds.
 */
import { existsSync } from 'node:fs'
import { lstat, readdir, readFile, readlink } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { LessonError } from '../../core/errors.ts'
import { parseHeader, parseRegions } from '../../core/snippet-source.ts'
import { isTopicId } from '../../core/topics.ts'

export interface Snippet extends SnippetHeader {
  id: string
  topic: string
  name: string
  /** Absolute path. */
  path: string
  /** Path from the repository root, for messages. */
  file: string
  /** `bin` builds with cargo; `fail` is compiled alone and must be rejected. */
  place: 'bin' | 'fail'
  source: string
  regions: Map<string, Region>
  /** Where expected outputs live: `snippets/<topic>/expected/<name>.*`. */
  expectedBase: string
}

export interface Discovery {
  snippets: Snippet[]
  /** Crates and files that every program of a topic depends on, for cache keys. */
  sharedInputs: Map<string, string[]>
  errors: string[]
  /** Snippet files whose header could not be read (each is one of `errors`). */
  unread: string[]
}

const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export async function discoverSnippets(root: string): Promise<Discovery> {
  const workspace = join(root, 'snippets')
  if (!existsSync(join(workspace, 'Cargo.toml')))
    throw new LessonError(`${workspace}/Cargo.toml not found: is ${root} the lesson kit's root?`)
  const discovery: Discovery = { snippets: [], sharedInputs: new Map(), errors: [], unread: [] }
  const supportFiles = [join(workspace, 'Cargo.toml'), join(workspace, 'Cargo.lock')]
  const entries = (await readdir(workspace, { withFileTypes: true })).filter(e => e.isDirectory()).map(e => e.name).sort()
  // Support crates (the recorder) are inputs of every program.
  for (const dir of entries) {
    if (dir === 'target' || isTopicId(dir) || !existsSync(join(workspace, dir, 'Cargo.toml')))
      continue
    supportFiles.push(...await listRust(join(workspace, dir)), join(workspace, dir, 'Cargo.toml'))
  }
  for (const topic of entries.filter(isTopicId)) {
    const crate = join(workspace, topic)
    const bins = await listRs(join(crate, 'src', 'bin'))
    const fails = await listRs(join(crate, 'fail'))
    const crateFiles = (await listRust(join(crate, 'src'))).filter(f => !bins.includes(f))
    discovery.sharedInputs.set(topic, [...supportFiles, join(crate, 'Cargo.toml'), ...crateFiles].filter(existsSync))
    for (const [place, files] of [['bin', bins], ['fail', fails]] as const) {
      for (const path of files) {
        const file = relative(root, path)
        const name = path.slice(path.lastIndexOf('/') + 1, -3)
        try {
          if (!NAME.test(name))
            throw new LessonError(`${file}:1: snippet file names are kebab-case (\`clone-counts.rs\`), as they become ids`)
          const source = await readSnippet(path, file)
          const header = parseHeader(source, file)
          const wantsFail = header.expectation.kind === 'compile-error'
          // `ignore` is never compiled: in fail/, outside cargo's targets, it may be a fragment that is not Rust at all.
          if (place === 'fail' && !wantsFail && header.expectation.kind !== 'ignore')
            throw new LessonError(`${file}:${header.expectLine}: snippets in \`fail/\` must expect \`compile-error\` (or \`ignore\`); programs that compile go in \`src/bin/\``)
          if (place === 'bin' && wantsFail)
            throw new LessonError(`${file}:${header.expectLine}: a snippet that must not compile would break the crate's build; move it to \`snippets/${topic}/fail/\``)
          discovery.snippets.push({
            ...header,
            id: `${topic}/${name}`,
            topic,
            name,
            path,
            file,
            place,
            source,
            regions: parseRegions(source, file),
            expectedBase: join(crate, 'expected', name),
          })
        }
        catch (error) {
          if (!(error instanceof LessonError))
            throw error
          discovery.errors.push(error.message)
          discovery.unread.push(path)
        }
      }
    }
  }
  const seen = new Map<string, string>()
  for (const s of discovery.snippets) {
    if (seen.has(s.id))
      discovery.errors.push(`${s.file}:1: snippet id \`${s.id}\` is also used by ${seen.get(s.id)}`)
    seen.set(s.id, s.file)
  }
  return discovery
}

async function listRs(dir: string): Promise<string[]> {
  if (!existsSync(dir))
    return []
  return (await readdir(dir)).filter(f => f.endsWith('.rs')).sort().map(f => join(dir, f))
}

/** A snippet's text; what stands in the way (a folder named `x.rs`, a dangling link) as a LessonError at its line 1. */
async function readSnippet(path: string, file: string): Promise<string> {
  const info = await lstat(path)
  if (info.isDirectory())
    throw new LessonError(`${file}:1: is a folder; a snippet is one \`.rs\` file (rename the folder, or move its files out)`)
  try {
    return await readFile(path, 'utf8')
  }
  catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
    if (info.isSymbolicLink() && code === 'ENOENT')
      throw new LessonError(`${file}:1: is a symbolic link to ${await readlink(path)}, which does not exist`)
    if (code === 'EISDIR')
      throw new LessonError(`${file}:1: is a link to a folder; a snippet is one \`.rs\` file`)
    throw new LessonError(`${file}:1: cannot be read (${code})`)
  }
}

async function listRust(dir: string): Promise<string[]> {
  if (!existsSync(dir))
    return []
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries
    .filter(e => e.isFile() && e.name.endsWith('.rs'))
    .map(e => join(e.parentPath, e.name))
    .filter(p => !p.includes('/target/'))
    .sort()
}
