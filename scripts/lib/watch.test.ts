import type { CheckReport } from './check.ts'
import { EventEmitter } from 'node:events'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { watchPlugin } from './watch.ts'

const root = '/kit'
const report: CheckReport = { rustc: 'rustc 1.95.0', snippets: [], problems: [], updated: [], unshown: [], unjudged: [], passed: 0, failed: 0, durationMs: 1 }

/** The plugin on a stand-in dev server; `save` emits a watcher event and waits past the debounce. */
function serve() {
  const checks: string[] = []
  const watcher = Object.assign(new EventEmitter(), { add() {} })
  const logger = { info() {}, warn() {}, error() {} }
  const plugin = watchPlugin(root, { debounceMs: 1, check: async (r) => {
    checks.push(r)
    return report
  } })
  ;(plugin.configureServer as (server: unknown) => void)({ config: { logger }, watcher })
  return {
    checks,
    async save(path: string): Promise<void> {
      watcher.emit('all', 'change', join(root, path))
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

  it('leaves the check\'s own output and other files alone', async () => {
    const server = serve()
    await server.save('snippets/target/debug/clone-counts.rs')
    await server.save('generated/lesson-model.json')
    await server.save('slides/notes.txt')
    await server.save('components/Quiz.vue')
    expect(server.checks).toEqual([])
  })
})
