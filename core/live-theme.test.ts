import { describe, expect, it } from 'vitest'
import { editorPalette, RUST_TOKEN_SCOPES, scopeColor } from './live-theme.ts'

const theme = {
  colors: { 'editor.foreground': '#111', 'editor.background': '#fff' },
  tokenColors: [
    { scope: ['comment', 'punctuation.definition.comment'], settings: { foreground: '#aaa' } },
    { scope: 'keyword', settings: { foreground: '#0a0' } },
    { scope: 'keyword.operator', settings: { foreground: '#a00' } },
    { scope: 'string variable', settings: { foreground: '#f0f' } },
    { scope: 'entity.name.function', settings: { foreground: '#00a' } },
  ],
}

describe('scopeColor', () => {
  it('takes the most specific rule that is a prefix of the scope', () => {
    expect(scopeColor(theme, 'keyword.control.rust')).toBe('#0a0')
    expect(scopeColor(theme, 'keyword.operator.rust')).toBe('#a00')
    expect(scopeColor(theme, 'comment.line.double-slash.rust')).toBe('#aaa')
    expect(scopeColor(theme, 'keywords')).toBeNull()
    expect(scopeColor(theme, 'variable.other.rust')).toBeNull()
  })
})

describe('editorPalette', () => {
  it('colours each token kind from its Rust scope', async () => {
    const p = editorPalette(theme)
    expect(p).toMatchObject({ foreground: '#111', background: '#fff' })
    expect(p.tokens.function).toBe('#00a')
    expect(p.tokens.macroName).toBe('#00a')
    expect(p.tokens.controlKeyword).toBe('#0a0')
    expect(p.tokens.variableName).toBeUndefined()
  })

  it('finds a colour for the common Rust tokens in the slides\' own themes', async () => {
    for (const name of ['vitesse-light', 'vitesse-dark']) {
      const { default: real } = await import(`shiki/themes/${name}.mjs`)
      const p = editorPalette(real)
      for (const kind of ['comment', 'keyword', 'string', 'number', 'typeName', 'function', 'macroName'])
        expect(p.tokens[kind], `${name} ${kind} (${RUST_TOKEN_SCOPES[kind]})`).toMatch(/^#[0-9a-f]{6}/i)
    }
  })
})
