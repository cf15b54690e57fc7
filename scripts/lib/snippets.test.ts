import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { discoverSnippets } from './snippets.ts'

let root: string
async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true })
  await writeFile(join(root, path), text)
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'discover-'))
  await put('snippets/Cargo.toml', '[workspace]\nmembers = ["rc", "trace"]\n')
  await put('snippets/trace/Cargo.toml', '[package]\nname = "trace"\n')
  await put('snippets/trace/src/lib.rs', 'pub fn step() {}\n')
  await put('snippets/rc/Cargo.toml', '[package]\nname = "lesson-rc"\n')
  await put('snippets/rc/src/lib.rs', 'pub struct Shared;\n')
  await put('snippets/rc/src/bin/clone-counts.rs', '//! expect: runs\n\nfn main() {\n    // #region counts\n    // #endregion counts\n}\n')
  await put('snippets/rc/src/bin/broken.rs', '//! expect: compile-error E0382\nfn main() {}\n')
  await put('snippets/rc/src/bin/Bad_Name.rs', '//! expect: runs\nfn main() {}\n')
  await put('snippets/rc/fail/moved.rs', '//! expect: compile-error E0382\nfn main() {}\n')
  await put('snippets/rc/fail/runs.rs', '//! expect: runs\nfn main() {}\n')
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('discoverSnippets', () => {
  it('finds programs and must-not-compile snippets with their ids, promises and regions', async () => {
    const { snippets } = await discoverSnippets(root)
    expect(snippets.map(s => [s.id, s.place, s.expectation.kind])).toEqual([['rc/clone-counts', 'bin', 'runs'], ['rc/moved', 'fail', 'compile-error']])
    expect([...snippets[0]!.regions.keys()]).toEqual(['counts'])
  })

  it('gathers what every program of a topic builds from, for the cache', async () => {
    const inputs = (await discoverSnippets(root)).sharedInputs.get('rc')!.map(p => p.slice(root.length))
    expect(inputs).toEqual(['/snippets/Cargo.toml', '/snippets/trace/src/lib.rs', '/snippets/trace/Cargo.toml', '/snippets/rc/Cargo.toml', '/snippets/rc/src/lib.rs'])
  })

  it('reports each misplaced or misnamed snippet at its file and line', async () => {
    expect((await discoverSnippets(root)).errors).toEqual([
      'snippets/rc/src/bin/Bad_Name.rs:1: snippet file names are kebab-case (`clone-counts.rs`), as they become ids',
      'snippets/rc/src/bin/broken.rs:1: a snippet that must not compile would break the crate\'s build; move it to `snippets/rc/fail/`',
      'snippets/rc/fail/runs.rs:1: snippets in `fail/` must expect `compile-error` (or `ignore`); programs that compile go in `src/bin/`',
    ])
  })

  it('refuses a directory that is not the kit', async () => {
    await expect(discoverSnippets(join(root, 'nowhere'))).rejects.toThrow('Cargo.toml not found')
  })
})
