/**
 * What the slides say is for learners: no build command names in the text a
 * component shows (its template and the strings it renders). Comments and
 * errors for the deck's author may name them.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const dir = fileURLToPath(new URL('.', import.meta.url))

/** The component's text without comments and without lines that raise errors. */
function shown(source: string): string[] {
  return source
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('\n')
    .filter(line => !/^\s*\/\//.test(line) && !/\bthrow\b|Error\(/.test(line))
}

describe('learner-facing wording', () => {
  it('names no build command on a slide', () => {
    const found: string[] = []
    for (const file of readdirSync(dir).filter(f => f.endsWith('.vue'))) {
      shown(readFileSync(join(dir, file), 'utf8')).forEach((line) => {
        if (/npm run \w+/.test(line))
          found.push(`components/${file}: ${line.trim()}`)
      })
    }
    expect(found).toEqual([])
  })
})
