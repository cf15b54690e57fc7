/**
 * The checks `contract.test.ts` runs against the installed Slidev that no
 * build runs: each takes Slidev's text (read by the test) and returns what
 * moved, in the words of `moved.ts`; empty when nothing did.
 */
import { PRINT_CONTENT, SLIDE_LAYOUT, SLIDE_LOADING, slidePage } from './dom.ts'
import { moved } from './moved.ts'
import { MCP, SLIDE_EDITOR, SNAPSHOTS } from './routes.ts'
import { SHARED_STATE_URL } from './shared-state.ts'
import { exportedNames, importedNames } from './vite-lean-client.ts'

/** Each value `client.ts` re-exports that its module of Slidev's client no longer exports; `read` gives a module's text by its path in the client. */
export function clientExportProblems(clientTs: string, read: (module: string) => string): string[] {
  const problems: string[] = []
  for (const m of clientTs.matchAll(/^export \{ (.+) \} from '@slidev\/client\/(.+)'$/gm)) {
    const real = exportedNames(read(m[2]!))
    for (const name of importedNames(`{ ${m[1]} }`)) {
      if (!real.includes(name))
        problems.push(moved(`\`@slidev/client/${m[2]}\``, `it no longer exports \`${name}\``, 'client.ts'))
    }
  }
  return problems
}

/** Why `clearPresenterCursor` would no longer reach the dev server's shared state: `shared` is the client's `state/shared.ts`, `serverRef` vite-plugin-vue-server-ref's code. */
export function sharedStateProblems(shared: string, serverRef: string): string[] {
  const key = SHARED_STATE_URL.split('/').at(-1)
  const problems: string[] = []
  if (!shared.includes(`'server-reactive:${key}'`))
    problems.push(moved('`@slidev/client/state/shared.ts`', `it no longer syncs \`server-reactive:${key}\``, 'shared-state.ts'))
  if (!serverRef.includes('"/@server-reactive/"') || !serverRef.includes('"server-reactive:"'))
    problems.push(moved('its dev-server sync (vite-plugin-vue-server-ref)', 'it no longer serves `server-reactive:` at `/@server-reactive/`', 'shared-state.ts'))
  if (!/const data = \$\{type\}\(\$\{JSON\.stringify\(/.test(serverRef))
    problems.push(moved('its dev-server sync (vite-plugin-vue-server-ref)', 'its state module no longer starts as `const data = reactive(<JSON>)`', 'shared-state.ts'))
  if (!serverRef.includes('set(state, key, payload.data)'))
    problems.push(moved('its dev-server sync (vite-plugin-vue-server-ref)', 'it no longer takes a POST of `{ data }`', 'shared-state.ts'))
  return problems
}

/** How the flags `globals.d.ts` declares (its text) differ from those Slidev's config defines. */
export function globalsProblems(declaredText: string, defined: readonly string[]): string[] {
  const declared = [...declaredText.matchAll(/^declare const (\w+):/gm)].map(m => m[1]!)
  const what = 'its Vite config\'s `define`'
  return [
    ...defined.filter(n => !declared.includes(n)).map(n => moved(what, `it defines \`${n}\`, which globals.d.ts does not declare`, 'globals.d.ts')),
    ...declared.filter(n => !defined.includes(n)).map(n => moved(what, `it no longer defines \`${n}\`, which globals.d.ts declares`, 'globals.d.ts')),
  ]
}

/** Each class or id of `dom.ts` that Slidev's client no longer draws; `read` gives a client file's text by its path. */
export function domProblems(read: (path: string) => string): string[] {
  const drawn: [string, string, RegExp][] = [
    [slidePage(7), 'utils.ts', /`slidev-page-\$\{no\}`/],
    [SLIDE_LAYOUT, 'layouts/default.vue', /class="slidev-layout\b/],
    [SLIDE_LOADING, 'internals/SlideLoading.vue', /\bslidev-slide-loading\b/],
    [PRINT_CONTENT, 'internals/PrintContainer.vue', /id="print-content"/],
  ]
  return drawn.filter(([, file, re]) => !re.test(read(file))).map(([name, file]) => moved(`\`@slidev/client/${file}\``, `it no longer draws \`${name}\``, 'dom.ts'))
}

/** Each file-writing route `routes.ts` lists that Slidev's dev server (the text of its CLI's `dist/`) no longer serves where it did. */
export function routeProblems(server: string): string[] {
  const served: [string, boolean][] = [
    [`the slide editor at ${SLIDE_EDITOR}`, server.includes(String.raw`/^\/__slidev\/slides\/(\d+)\.json$/`) && SLIDE_EDITOR.test('/__slidev/slides/12.json')],
    [`the MCP server at \`${MCP}\``, server.includes(`"${MCP}"`)],
    ['the snapshots it writes from the server-ref state `snapshots`', SNAPSHOTS.test('/@server-reactive/snapshots') && /key === "snapshots"\) writeSnapshots/.test(server)],
  ]
  return served.filter(([, ok]) => !ok).map(([what]) => moved('its dev server', `it no longer has ${what}: the dev guard would leave its replacement open`, 'routes.ts'))
}
