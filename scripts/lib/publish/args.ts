/** The command line of `npm run publish`. */
import { LessonError } from '../../../core/errors.ts'

export const USAGE = 'usage: npm run publish [-- --no-pdf] [-- --notes] [-- --out <dir>]'

export interface PublishArgs {
  pdf: boolean
  notes: boolean
  out: string | null
}

export function parseArgs(argv: readonly string[]): PublishArgs {
  const args: PublishArgs = { pdf: true, notes: false, out: null }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--no-pdf')
      args.pdf = false
    else if (a === '--notes')
      args.notes = true
    else if (a === '--out' && argv[i + 1])
      args.out = argv[++i]!
    else throw new LessonError(`unknown option ${a}\n${USAGE}`)
  }
  return args
}
