/**
 * `npm run typecheck`
 *
 * vue-tsc over the kit, strict. Slidev's client is type-checked from its
 * own shipped sources with the kit's options; the errors those sources
 * have under them are Slidev's, counted and not shown
 * (adapter/slidev/typecheck.ts). Any diagnostic in the kit's files fails.
 */
import { fileURLToPath } from 'node:url'
import { sortDiagnostics } from '../adapter/slidev/typecheck.ts'
import { defineCommand } from './lib/command.ts'
import { run } from './lib/process.ts'

export const command = defineCommand({
  name: 'typecheck',
  summary: 'vue-tsc over the kit, strict; Slidev\'s own sources are read for their types but not judged',
  usage: 'npm run typecheck',
  options: {},
  examples: ['npm run typecheck'],
  async run() {
    const root = fileURLToPath(new URL('..', import.meta.url))
    const result = await run(`${root}node_modules/.bin/vue-tsc`, ['--noEmit', '--pretty', 'false', '-p', 'tsconfig.json'], { cwd: root })
    const { kit, slidev, other } = sortDiagnostics(`${result.stdout}\n${result.stderr}`)
    for (const d of [...kit, ...other])
      console.log(d)
    if (slidev > 0)
      console.error(`typecheck: ${slidev} diagnostics in Slidev's own sources not shown (the kit's stricter options; docs/maintaining.md#types-from-slidev)`)
    if (kit.length > 0 || other.length > 0 || (result.exitCode !== 0 && slidev === 0)) {
      console.error(`typecheck: ${kit.length} in the kit's files${other.length ? `, and vue-tsc said more (above)` : ''}`)
      return 1
    }
    return 0
  },
})

command.mainIfEntry(import.meta.url)
