/**
 * Every command of the kit is one `defineCommand` call: its name, a one-line
 * summary, its usage, its options, an example or two, and `run`. The wrapper
 * parses the command line with `node:util`'s `parseArgs`, so every command
 * behaves the same way:
 *
 * - `--help` (or `-h`) prints the usage, the options and the examples, and
 *   exits 0 without doing any work;
 * - an unknown option, or an option missing its value, is refused at once
 *   with one line on stderr and exit status 2;
 * - a `LessonError` thrown by `run` is printed as `<name>: <message>`, with
 *   no stack trace (exit status `errorExitCode`, default 1);
 * - `run`'s return value (a number, or nothing for 0) is the exit status;
 * - a command interrupted with `stopOnInterrupt` (scripts/lib/process.ts)
 *   exits when its cleanup is done, whatever `run` returned or threw.
 *
 * Export the command and start it with `mainIfEntry(import.meta.url)`, so
 * a test can import it and read its help and options without running it.
 *
 * ```ts
 * // scripts/new-topic.ts
 * import { defineCommand } from './lib/command.ts'
 *
 * export const command = defineCommand({
 *   name: 'new-topic',
 *   summary: 'scaffolds a topic: its crate, its deck and every registration',
 *   usage: 'npm run new-topic -- <id> "<title>" [--dry-run]',
 *   positionals: [{ name: 'id', description: 'the topic id, kebab-case' }, { name: 'title', description: 'the outline title' }],
 *   options: { 'dry-run': { type: 'boolean', description: 'print the files it would write' } },
 *   examples: ['npm run new-topic -- weak "Weak<T>"'],
 *   async run({ values, positionals }) {
 *     // values['dry-run'] is a boolean, positionals are the id and title
 *   },
 * })
 * command.mainIfEntry(import.meta.url)
 * ```
 *
 * A command that hands arguments on to another program (`dev` to Slidev)
 * declares them: `passThrough` options are accepted, checked like the rest
 * and given to `run` as written (in `rest`), and everything after a `--` is
 * handed on unread. Commands without `passThrough` ignore a `--`, so
 * `npm run publish -- --no-pdf -- --notes` reads both options.
 */
import type { ParseArgsConfig } from 'node:util'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { LessonError } from '../../core/errors.ts'
import { interrupted } from './process.ts'

export interface OptionSpec {
  type: 'boolean' | 'string'
  /** One line for `--help`. */
  description: string
  /** The value's name in `--help`, for string options: `--root <dir>`. */
  value?: string
  short?: string
  default?: string | boolean
}

export interface PositionalSpec {
  name: string
  description: string
  /** Takes every remaining positional argument (`build [deck ...]`). */
  multiple?: boolean
  optional?: boolean
}

export type OptionSpecs = Record<string, OptionSpec>

/** The parsed values: booleans for boolean options, strings (or undefined) for string options. */
export type OptionValues<O extends OptionSpecs> = {
  [K in keyof O]: O[K]['type'] extends 'boolean' ? boolean : O[K]['default'] extends string ? string : string | undefined
}

export interface CommandArgs<O extends OptionSpecs> {
  values: OptionValues<O>
  positionals: string[]
  /** Pass-through options as written, then everything after `--`. */
  rest: string[]
}

export interface CommandSpec<O extends OptionSpecs> {
  /** The name in messages and `npm run <name>`. */
  name: string
  /** One line: what the command does. */
  summary: string
  /** How to call it, e.g. `npm run check [-- --json] [-- --update]`. */
  usage: string
  options: O
  positionals?: readonly PositionalSpec[]
  /** Options handed on to another program, e.g. Slidev's `--port`; with a description of where they go. */
  passThrough?: { to: string, options: OptionSpecs }
  examples: readonly string[]
  /** Exit status for a `LessonError` (the check uses 2: nothing after it means anything). */
  errorExitCode?: number
  run: (args: CommandArgs<O>) => Promise<number | void> | number | void
}

export interface Command<O extends OptionSpecs> {
  /** Parses `argv` (default: the process's), runs, exits with the status. */
  main: (argv?: string[]) => Promise<never>
  /** `main()` when the module at `moduleUrl` is the program being run, not when a test imports it. */
  mainIfEntry: (moduleUrl: string) => void
  /** What `--help` prints. */
  help: () => string
  /** Parses without running: the arguments, `'help'`, or a thrown `UsageError`. */
  parse: (argv: readonly string[]) => CommandArgs<O> | 'help'
}

/** A command line the command cannot read. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Exits once everything written to stdout and stderr has been handed on: a pipe may still hold the last lines. */
async function exit(code: number): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map(stream => new Promise<void>(done => stream.write('', () => done()))))
  return process.exit(code)
}

export function defineCommand<O extends OptionSpecs>(spec: CommandSpec<O>): Command<O> {
  const pass = spec.passThrough?.options ?? {}
  const help = () => helpText(spec)

  function parse(argv: readonly string[]): CommandArgs<O> | 'help' {
    const cut = spec.passThrough ? argv.indexOf('--') : -1
    const own = cut < 0 ? argv.filter(a => a !== '--') : argv.slice(0, cut)
    const after = cut < 0 ? [] : argv.slice(cut + 1)
    if (own.includes('--help') || own.includes('-h'))
      return 'help'
    const options: NonNullable<ParseArgsConfig['options']> = {}
    for (const [name, o] of Object.entries({ ...spec.options, ...pass }))
      options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.default !== undefined ? { default: o.default } : {}) }
    let parsed
    try {
      parsed = parseArgs({ args: [...own], options, allowPositionals: true, strict: true, tokens: true })
    }
    catch (error) {
      throw new UsageError(usageMessage(error as Error & { code?: string }))
    }
    const values: Record<string, unknown> = {}
    for (const [name, o] of Object.entries(spec.options))
      values[name] = parsed.values[name] ?? (o.type === 'boolean' ? false : undefined)
    const rest: string[] = []
    for (const t of parsed.tokens ?? []) {
      if (t.kind !== 'option' || !(t.name in pass))
        continue
      rest.push(t.inlineValue ? `${t.rawName}=${t.value}` : t.rawName, ...(t.value !== undefined && !t.inlineValue ? [t.value] : []))
    }
    const positionals = parsed.positionals
    const declared = spec.positionals ?? []
    const required = declared.filter(p => !p.optional && !p.multiple).length
    if (positionals.length < required)
      throw new UsageError(`missing <${declared[positionals.length]!.name}>`)
    if (!declared.some(p => p.multiple) && positionals.length > declared.length)
      throw new UsageError(`unexpected argument \`${positionals[declared.length]}\``)
    return { values: values as OptionValues<O>, positionals, rest: [...rest, ...after] }
  }

  async function main(argv: string[] = process.argv.slice(2)): Promise<never> {
    let args: CommandArgs<O> | 'help'
    try {
      args = parse(argv)
    }
    catch (error) {
      if (!(error instanceof UsageError))
        throw error
      process.stderr.write(`${spec.name}: ${error.message} (see \`${helpHint(spec.usage)}\`)\n`)
      return exit(2)
    }
    if (args === 'help') {
      process.stdout.write(help())
      return exit(0)
    }
    try {
      const code = await spec.run(args)
      // An interrupted command exits once its cleanup is done, with its own status.
      await interrupted()
      return exit(code ?? 0)
    }
    catch (error) {
      await interrupted()
      if (error instanceof LessonError) {
        process.stderr.write(`${spec.name}: ${error.message}\n`)
        return exit(spec.errorExitCode ?? 1)
      }
      console.error(error)
      return exit(1)
    }
  }

  function mainIfEntry(moduleUrl: string): void {
    const entry = process.argv[1]
    if (entry && pathToFileURL(resolve(entry)).href === moduleUrl)
      void main()
  }

  return { main, mainIfEntry, help, parse }
}

/** How to ask for help: the usage's command words, then `--help` (after `--` for npm scripts). */
export function helpHint(usage: string): string {
  const words: string[] = []
  for (const word of usage.split(' ')) {
    if (/^[[<-]/.test(word))
      break
    words.push(word)
  }
  return `${words.join(' ')}${words[0] === 'npm' ? ' --' : ''} --help`
}

function usageMessage(error: Error & { code?: string }): string {
  // parseArgs' messages are long and end in advice for the code's author, not the user.
  const option = /'([^']+)'/.exec(error.message)?.[1]
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${option ?? ''}`.trim()
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `${/^Option '([^']+)'/.exec(error.message)?.[1]?.replace(/^-\w, /, '').replace(/ <value>$/, '') ?? 'an option'} ${error.message.includes('argument missing') ? 'needs a value' : 'takes no value'}`
    default:
      return error.message.split('\n')[0]!
  }
}

function optionLines(options: OptionSpecs): string[][] {
  return Object.entries(options).map(([name, o]) => [
    `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` <${o.value ?? 'value'}>` : ''}`,
    o.description,
  ])
}

function table(rows: string[][]): string[] {
  const width = Math.max(...rows.map(r => r[0]!.length))
  return rows.map(([left, right]) => `  ${left!.padEnd(width)}  ${right}`)
}

export function helpText(spec: Pick<CommandSpec<OptionSpecs>, 'name' | 'summary' | 'usage' | 'options' | 'positionals' | 'passThrough' | 'examples'>): string {
  const lines = [`${spec.name}: ${spec.summary}`, '', `Usage: ${spec.usage}`]
  if (spec.positionals?.length)
    lines.push('', 'Arguments:', ...table(spec.positionals.map(p => [`<${p.name}>${p.multiple ? ' ...' : ''}`, p.description])))
  lines.push('', 'Options:', ...table([...optionLines(spec.options), ['-h, --help', 'print this help and exit']]))
  if (spec.passThrough)
    lines.push('', `Passed on to ${spec.passThrough.to} (and anything after \`--\`):`, ...table(optionLines(spec.passThrough.options)))
  lines.push('', spec.examples.length > 1 ? 'Examples:' : 'Example:', ...spec.examples.map(e => `  ${e}`), '')
  return lines.join('\n')
}
