/**
 * The real check in front of the publish: on a one-snippet kit whose
 * snippet breaks its promise, `publish` names the snippet and leaves the
 * previous site byte for byte as it was, without starting Slidev.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { publish } from '../../scripts/lib/publish/pipeline.ts'
import { SITE_MARKER } from '../../scripts/lib/publish/swap.ts'
import { treeDigest } from './tree.ts'

let root: string

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true })
  await writeFile(join(root, path), text)
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'publish-refuse-'))
  await put('snippets/Cargo.toml', '[workspace]\nresolver = "2"\nmembers = ["rc"]\n')
  await put('snippets/rc/Cargo.toml', '[package]\nname = "lesson-rc"\nversion = "0.1.0"\nedition = "2024"\npublish = false\n')
  await put('snippets/rc/src/bin/greeting.rs', '//! expect: runs\n\nfn main() {\n    println!("hello");\n}\n')
  // The promise the program breaks: it prints "hello".
  await put('snippets/rc/expected/greeting.stdout', 'goodbye\n')
  await put('slides/rc.md', '---\ntitle: Rc\nbudget: 10\nminutes: 10\n---\n\n# Rc\n\n<<< @/../snippets/rc/src/bin/greeting.rs rust\n')
  await put('dist/index.html', 'the previous site')
  await put('dist/rc/index.html', 'the previous rc deck')
  await put(`dist/${SITE_MARKER}`, 'published')
})
afterAll(() => rm(root, { recursive: true, force: true }))

it('refuses to publish when a snippet breaks its promise, naming it', async () => {
  const before = await treeDigest(join(root, 'dist'))
  const built: string[] = []
  const failure = publish({
    root,
    pdf: false,
    stages: { build: async (_root, id) => void built.push(id) },
  })
  await expect(failure).rejects.toThrow(/the check failed, nothing was published \(dist is unchanged\):\nsnippets\/rc\/expected\/greeting\.stdout:1: stdout differs: expected "goodbye"/)
  expect(built).toEqual([])
  expect(await treeDigest(join(root, 'dist'))).toEqual(before)
})
