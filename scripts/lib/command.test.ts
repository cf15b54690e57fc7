import { describe, expect, it } from 'vitest'
import { defineCommand, helpHint, UsageError } from './command.ts'

function make(run = () => {}) {
  return defineCommand({
    name: 'demo',
    summary: 'does a demo',
    usage: 'npm run demo [-- <deck>] [-- --json]',
    positionals: [{ name: 'deck', description: 'a deck', optional: true }],
    options: {
      json: { type: 'boolean', description: 'JSON only' },
      root: { type: 'string', value: 'dir', description: 'the kit' },
      runs: { type: 'string', value: 'n', default: '20', description: 'how many' },
    },
    passThrough: { to: 'Slidev', options: { port: { type: 'string', short: 'p', description: 'port' }, open: { type: 'boolean', description: 'open' } } },
    examples: ['npm run demo -- rc --port 4000'],
    run,
  })
}

describe('defineCommand', () => {
  it('reads options, defaults and positionals', () => {
    expect(make().parse(['rc', '--json', '--root', 'kit'])).toEqual({ values: { json: true, root: 'kit', runs: '20' }, positionals: ['rc'], rest: [] })
    expect(make().parse([])).toEqual({ values: { json: false, root: undefined, runs: '20' }, positionals: [], rest: [] })
  })

  it('answers --help anywhere before `--`, without running', () => {
    expect(make().parse(['rc', '--bogus', '--help'])).toBe('help')
    expect(make().parse(['-h'])).toBe('help')
    expect(make().parse(['--', '--help'])).not.toBe('help')
  })

  it('refuses an unknown option, a missing value and a stray argument in one line', () => {
    expect(() => make().parse(['--prot', '4000'])).toThrow(new UsageError('unknown option --prot'))
    expect(() => make().parse(['--root'])).toThrow(new UsageError('--root needs a value'))
    expect(() => make().parse(['--json=yes'])).toThrow(new UsageError('--json takes no value'))
    expect(() => make().parse(['rc', 'box'])).toThrow(new UsageError('unexpected argument `box`'))
  })

  it('hands declared pass-through options on as written, and everything after `--`', () => {
    expect(make().parse(['rc', '--port', '4000', '-p', '5000', '--port=6000', '--open', '--', '--anything', 'x'])).toMatchObject({
      positionals: ['rc'],
      rest: ['--port', '4000', '-p', '5000', '--port=6000', '--open', '--anything', 'x'],
    })
  })

  it('without pass-through, ignores `--` so `-- --a -- --b` reads both', () => {
    const plain = defineCommand({ name: 'p', summary: 's', usage: 'npm run p', options: { a: { type: 'boolean', description: 'a' }, b: { type: 'boolean', description: 'b' } }, examples: [], run: () => {} })
    expect(plain.parse(['--a', '--', '--b'])).toMatchObject({ values: { a: true, b: true }, rest: [] })
  })

  it('prints usage, arguments, options, pass-through options and an example', () => {
    const help = make().help()
    expect(help).toContain('demo: does a demo\n\nUsage: npm run demo [-- <deck>] [-- --json]')
    expect(help).toMatch(/Arguments:\n {2}<deck> {2}a deck/)
    expect(help).toMatch(/ {2}--root <dir> +the kit\n/)
    expect(help).toMatch(/ {2}-h, --help +print this help and exit/)
    expect(help).toMatch(/Passed on to Slidev.*\n {2}-p, --port <value> +port/)
    expect(help).toMatch(/Example:\n {2}npm run demo -- rc --port 4000\n$/)
  })

  it('tells how to ask for help', () => {
    expect(helpHint('npm run check [-- --json]')).toBe('npm run check -- --help')
    expect(helpHint('npm run screenshot -- <url> <out.png>')).toBe('npm run screenshot -- --help')
    expect(helpHint('npx tsx scripts/bench-live.ts [--runs 20]')).toBe('npx tsx scripts/bench-live.ts --help')
  })
})
