/**
 * `npm run new-topic -- <id> "<title>"`
 *
 * Adds a topic everywhere it is named: core/topics.ts, a crate in
 * snippets/<id>/ with an exercise starter and its solution, a deck
 * slides/<id>.md, the workspace's members, the lesson's `src:` includes and
 * README's topics table. Refuses a malformed or taken id without writing
 * anything. `npm run check` passes on the result as it is.
 */
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { LessonError } from '../core/errors.ts'
import { planTopic, writeTopic } from './lib/new-topic.ts'

const HELP = `usage: npm run new-topic -- <id> "<title>" [--root <kit directory>]

Scaffolds a topic and registers it everywhere: core/topics.ts (the one
declaration), snippets/<id>/ (crate lesson-<id> with src/bin/exercise.rs and
exercise-solution.rs), slides/<id>.md (title slide and exercise, with minutes,
a budget and notes), the members of snippets/Cargo.toml, a \`src:\` include at
the end of the topics in slides/lesson.md, and README's topics table.

options:
  --root <dir>   the kit to change (default: this kit)
  -h, --help     this text

example:
  npm run new-topic -- cow "\`Cow<T>\`: clone on write"`

function main(argv: string[]): Promise<number> | number {
  let parsed
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { root: { type: 'string' }, help: { type: 'boolean', short: 'h' } } })
  }
  catch (error) {
    console.error(`new-topic: ${(error as Error).message.replace(/\. .*$/s, '')}\n${HELP.split('\n')[0]}`)
    return 2
  }
  if (parsed.values.help) {
    console.log(HELP)
    return 0
  }
  const [id, title, ...rest] = parsed.positionals
  if (!id || title === undefined || rest.length) {
    console.error(`new-topic: ${!id ? 'no topic id given' : title === undefined ? `no title given for \`${id}\`` : `unexpected argument ${rest.join(' ')} (quote the title)`}\n${HELP.split('\n')[0]}`)
    return 2
  }
  const root = parsed.values.root ? resolve(parsed.values.root) : fileURLToPath(new URL('..', import.meta.url))
  return run(root, id, title)
}

async function run(root: string, id: string, title: string): Promise<number> {
  const files = await planTopic(root, id, title)
  await writeTopic(root, files)
  for (const f of files)
    console.log(`${f.edit ? 'updated' : 'created'} ${f.path}`)
  console.log(`next: write the topic's snippets and slides, then \`npm run check\` (it passes as created)`)
  return 0
}

Promise.resolve(main(process.argv.slice(2))).then(
  code => process.exit(code),
  (error) => {
    if (error instanceof LessonError) {
      console.error(`new-topic: ${error.message}`)
      process.exit(2)
    }
    throw error
  },
)
