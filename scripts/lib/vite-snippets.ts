import type { Plugin } from 'vite'
/**
 * `virtual:snippets`: the check's captures (`generated/snippets.json`) as a
 * module for decks and components. A deck built without them fails with a
 * message saying how to make them, instead of showing empty boxes.
 *
 * In the dev server the module is a `shallowReactive` object: when the check
 * runs again (watch mode, or `npm run check` in another terminal) the new
 * captures arrive as an HMR event and replace its contents in place, so
 * every slide showing a snippet updates its code, output, error and
 * animation without a reload.
 *
 * A deck's build (`entry` is `slides/<id>.md`) takes only the captures its
 * slides name (`snippet="…"`, live steps), as the lesson model the check
 * compiled lists them (`generated/lesson-model.json`): a topic deck carries
 * its own dozen, not the whole lesson's.
 */
import { existsSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { modelDeck, readLessonModel } from './lesson-model.ts'

const ID = 'virtual:snippets'
const RESOLVED = `\0${ID}`
/** The HMR event carrying new captures. */
export const SNIPPETS_EVENT = 'lesson:snippets'

/** Ids of the snippets the deck `slides/<id>.md` at `entry` names, or null for a file that is no deck of `root`. */
export async function snippetsOfDeck(root: string, entry: string): Promise<Set<string> | null> {
  if (resolve(dirname(entry)) !== resolve(root, 'slides') || !entry.endsWith('.md'))
    return null
  const deck = modelDeck(readLessonModel(root), basename(entry, '.md'))
  return deck ? new Set(deck.snippets) : null
}

/** The captures, as JSON, with only the snippets in `keep` (all when null). */
export function capturesFor(json: string, keep: ReadonlySet<string> | null): string {
  if (!keep)
    return json
  const data = JSON.parse(json) as { snippets: Record<string, unknown> }
  const snippets = Object.fromEntries(Object.entries(data.snippets).filter(([id]) => keep.has(id)))
  return JSON.stringify({ ...data, snippets })
}

export function snippetsPlugin(root: string, options: { entry?: string } = {}): Plugin {
  const file = join(root, 'generated', 'snippets.json')
  let serving = false
  return {
    name: 'lesson:snippets',
    configResolved(config) {
      serving = config.command === 'serve' && !config.isProduction && config.mode !== 'test'
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined
    },
    async load(id) {
      if (id !== RESOLVED)
        return undefined
      if (!existsSync(file))
        throw new Error(`${file} is missing: run \`npm run check\` first; it captures what rustc and the snippets print for the slides`)
      const json = readFileSync(file, 'utf8')
      if (!serving) {
        this.addWatchFile(file)
        return `export default ${capturesFor(json, options.entry ? await snippetsOfDeck(root, options.entry) : null)}`
      }
      // Not a watch file of the module: a new check arrives as the event below,
      // never as a new module instance that importers would not see.
      return [
        `import { shallowReactive } from 'vue'`,
        // One object for the page's life, kept across any re-execution of this module.
        `const data = import.meta.hot?.data.snippets ?? shallowReactive(${json})`,
        `export default data`,
        `if (import.meta.hot) {`,
        `  import.meta.hot.data.snippets = data`,
        `  import.meta.hot.accept(() => {})`,
        `  import.meta.hot.on(${JSON.stringify(SNIPPETS_EVENT)}, (next) => {`,
        `    data.rustc = next.rustc`,
        `    data.snippets = next.snippets`,
        `  })`,
        `}`,
      ].join('\n')
    },
    configureServer(server) {
      // A new check run refreshes the slides that show its captures.
      server.watcher.add(file)
      const refresh = (changed: string): void => {
        if (changed !== file)
          return
        let next: unknown
        try {
          next = JSON.parse(readFileSync(file, 'utf8'))
        }
        catch {
          return // Half-written: the next change event brings the whole file.
        }
        // A page loaded later gets the new module; open pages get the event.
        const mod = server.moduleGraph.getModuleById(RESOLVED)
        if (mod)
          server.moduleGraph.invalidateModule(mod)
        server.ws.send({ type: 'custom', event: SNIPPETS_EVENT, data: next })
      }
      // The check writes the file by renaming a new one over it: an `add` to some watchers.
      server.watcher.on('change', refresh)
      server.watcher.on('add', refresh)
    },
  }
}
