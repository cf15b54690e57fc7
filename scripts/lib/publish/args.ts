/** The command line of `npm run publish`. */
import type { CommandArgs } from '../command.ts'
import { defineCommand } from '../command.ts'

export const PUBLISH = {
  name: 'publish',
  summary: 'the check, then the learners\' site in dist/: the index, every deck without speaker notes, the exercises and one PDF per deck; dist/ is replaced only when all of it succeeded',
  usage: 'npm run publish [-- --no-pdf] [-- --notes] [-- --out <dir>]',
  options: {
    'no-pdf': { type: 'boolean', description: 'leave the PDFs out (no Chromium needed)' },
    'notes': { type: 'boolean', description: 'keep the speaker notes in the web decks' },
    'out': { type: 'string', value: 'dir', description: 'publish into this folder instead of dist/: a new or empty one, or a site an earlier publish wrote' },
  },
  examples: ['npm run publish', 'npm run publish -- --no-pdf --notes'],
} as const

export interface PublishArgs {
  pdf: boolean
  notes: boolean
  out: string | null
}

export function publishArgs({ values }: Pick<CommandArgs<typeof PUBLISH.options>, 'values'>): PublishArgs {
  return { pdf: !values['no-pdf'], notes: values.notes, out: values.out ?? null }
}

/** Reads the options alone (for tests); the command itself is `scripts/publish.ts`. */
export function parseArgs(argv: readonly string[]): PublishArgs {
  const parsed = defineCommand({ ...PUBLISH, run: () => {} }).parse(argv)
  if (parsed === 'help')
    throw new Error('--help is answered by the command')
  return publishArgs(parsed)
}
