import type { Plugin } from 'vite'
/**
 * `virtual:snippets`: the check's captures (the `snippets` of the lesson
 * model, `generated/lesson-model.json`) as a module for decks and components. A deck built without them fails with a
 * message saying how to make them, instead of showing empty boxes.
 *
 * In the dev server the module is a `shallowReactive` object: when the check
 * runs again (watch mode, or `npm run check` in another terminal) and
 * rewrites the model, its new captures arrive as an HMR event and replace its contents in place, so
 * every slide showing a snippet updates its code, output, error and
 * animation without a reload.
 *
 * A deck's build (`entry` is `slides/<id>.md`) takes only the captures its
 * slides name (`snippet="…"`, live steps), as the lesson model the check
 * compiled lists them (`generated/lesson-model.json`): a topic deck carries
 * its own dozen, not the whole lesson's.
 */
import type { LessonModel } from '../../core/lesson-model.ts'
import type { GeneratedData } from '../../core/snippet-data.ts'
import { readFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { capturesOf, parseLessonModel } from '../../core/lesson-model.ts'
import { lessonModelPath, modelDeck, readLessonModel } from './lesson-model.ts'

const ID = 'virtual:snippets'
const RESOLVED = `\0${ID}`
/** The HMR event carrying new captures. */
export const SNIPPETS_EVENT = 'lesson:snippets'

/** Ids of the snippets the deck `slides/<id>.md` at `entry` names, or null for a file that is no deck of `root`. */
export async function snippetsOfDeck(root: string, entry: string, model?: LessonModel): Promise<Set<string> | null> {
  if (resolve(dirname(entry)) !== resolve(root, 'slides') || !entry.endsWith('.md'))
    return null
  const deck = modelDeck(model ?? readLessonModel(root), basename(entry, '.md'))
  return deck ? new Set(deck.snippets) : null
}

/** The captures in the model under `root`, with only the snippets the deck at `entry` names (all without one, or for a file that is no deck). */
export async function capturesFor(root: string, entry: string | undefined): Promise<GeneratedData> {
  const model = readLessonModel(root)
  return capturesOf(model, entry ? await snippetsOfDeck(root, entry, model) : null)
}

export function snippetsPlugin(root: string, options: { entry?: string } = {}): Plugin {
  const file = lessonModelPath(root)
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
      // A missing model, or one of another version, is refused naming it and saying to run the check.
      if (!serving) {
        this.addWatchFile(file)
        return `export default ${JSON.stringify(await capturesFor(root, options.entry))}`
      }
      const json = JSON.stringify(capturesOf(readLessonModel(root)))
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
      // A new check run rewrites the model: that refreshes the slides that show its captures.
      server.watcher.add(file)
      const refresh = (changed: string): void => {
        if (resolve(changed) !== resolve(file))
          return
        let next: GeneratedData
        try {
          next = capturesOf(parseLessonModel(readFileSync(file, 'utf8'), file))
        }
        catch {
          return // Half-written, or of another version: the next change event brings a whole model.
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
