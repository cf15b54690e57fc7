import type { CheckReport } from './check.ts'
import { EventEmitter } from 'node:events'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LESSON_MODEL_VERSION } from '../../core/lesson-model.ts'
import { fakeResult } from '../../core/testing/fakeResult.ts'
import { watchPlugin } from './watch.ts'

const root = '/kit'
const report: CheckReport = { rustc: 'rustc 1.95.0', snippets: [], problems: [], updated: [], unshown: [], unjudged: [], passed: 0, failed: 0, durationMs: 1 }

/** The plugin on a stand-in dev server; `save` emits a watcher event and waits past the debounce. */
function serve(kit = root, result = report) {
  const checks: string[] = []
  const logged: string[] = []
  const watcher = Object.assign(new EventEmitter(), { add() {} })
  const logger = { info: (line: string) => logged.push(line), warn: (line: string) => logged.push(line), error() {} }
  const plugin = watchPlugin(kit, { debounceMs: 1, check: async (r) => {
    checks.push(r)
    return result
  } })
  ;(plugin.configureServer as (server: unknown) => void)({ config: { logger }, watcher })
  return {
    checks,
    logged,
    async save(path: string): Promise<void> {
      watcher.emit('all', 'change', join(kit, path))
      await new Promise(resolve => setTimeout(resolve, 30))
    },
  }
}

describe('watch mode', () => {
  it('runs the check when a snippet or a deck is saved, which rewrites the lesson model', async () => {
    const server = serve()
    await server.save('snippets/rc/src/bin/clone-counts.rs')
    expect(server.checks).toEqual([root])
    await server.save('slides/rc.md')
    expect(server.checks).toEqual([root, root])
  })

  it('says which snippet keeps its promise again, against the verdicts of the last lesson model', async () => {
    const kit = await mkdtemp(join(tmpdir(), 'watch-'))
    try {
      await mkdir(join(kit, 'generated'))
      await writeFile(join(kit, 'generated', 'lesson-model.json'), JSON.stringify({ version: LESSON_MODEL_VERSION, decks: [], captures: { 'rc/x': { file: 'snippets/rc/src/bin/x.rs', promise: 'runs', status: 'failed' } } }))
      const server = serve(kit, { ...report, snippets: [fakeResult('rc/x')] })
      await server.save('snippets/rc/src/bin/x.rs')
      expect(server.logged).toContain('watch: ✓ rc/x keeps its promise again')
    }
    finally {
      await rm(kit, { recursive: true, force: true })
    }
  })

  it('leaves the check\'s own output and other files alone', async () => {
    const server = serve()
    await server.save('snippets/target/debug/clone-counts.rs')
    await server.save('generated/lesson-model.json')
    await server.save('slides/notes.txt')
    await server.save('components/Quiz.vue')
    expect(server.checks).toEqual([])
  })
})
