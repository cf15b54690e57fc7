import type { Plugin } from 'vite'
/**
 * `virtual:snippets`: the check's captures (`generated/snippets.json`) as a
 * module for decks and components. A deck built without them fails with a
 * message saying how to make them, instead of showing empty boxes.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const ID = 'virtual:snippets'
const RESOLVED = `\0${ID}`

export function snippetsPlugin(root: string): Plugin {
  const file = join(root, 'generated', 'snippets.json')
  return {
    name: 'lesson:snippets',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined
    },
    load(id) {
      if (id !== RESOLVED)
        return undefined
      if (!existsSync(file))
        throw new Error(`${file} is missing: run \`npm run check\` first; it captures what rustc and the snippets print for the slides`)
      this.addWatchFile(file)
      return `export default ${readFileSync(file, 'utf8')}`
    },
    configureServer(server) {
      // A new check run refreshes the slides that show its captures.
      server.watcher.add(file)
      server.watcher.on('change', (changed) => {
        if (changed !== file)
          return
        const mod = server.moduleGraph.getModuleById(RESOLVED)
        if (mod)
          server.reloadModule(mod)
      })
    },
  }
}
