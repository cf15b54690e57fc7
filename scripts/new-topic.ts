/**
 * `npm run new-topic -- <id> "<title>"`
 *
 * Adds a topic: its declaration in core/topics.ts, a crate in
 * snippets/<id>/ with an exercise starter and its solution (the workspace
 * takes every folder), a deck slides/<id>.md, and the lesson's `src:`
 * include. Refuses a malformed or taken id without writing
 * anything. `npm run check` passes on the result as it is.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineCommand } from './lib/command.ts'
import { planTopic, writeTopic } from './lib/new-topic.ts'

export const command = defineCommand({
  name: 'new-topic',
  summary: 'scaffolds a topic: core/topics.ts (the one declaration), its crate with an exercise starter and solution, its deck and the lesson\'s `src:` include',
  usage: 'npm run new-topic -- <id> "<title>" [--root <dir>]',
  positionals: [
    { name: 'id', description: 'the topic id, kebab-case (`cow`)' },
    { name: 'title', description: 'the outline title, quoted' },
  ],
  options: {
    root: { type: 'string', value: 'dir', description: 'the kit to change (default: this kit)' },
  },
  examples: ['npm run new-topic -- cow "`Cow<T>`: clone on write"'],
  errorExitCode: 2,
  async run({ values, positionals: [id, title] }) {
    const root = values.root ? resolve(values.root) : fileURLToPath(new URL('..', import.meta.url))
    const files = await planTopic(root, id!, title!)
    await writeTopic(root, files)
    for (const f of files)
      console.log(`${f.edit ? 'updated' : 'created'} ${f.path}`)
    console.log(`next: write the topic's snippets and slides, then \`npm run check\` (it passes as created)`)
  },
})

command.mainIfEntry(import.meta.url)
