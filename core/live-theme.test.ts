import type { ThemeLike } from './live-theme.ts'
import { describe, expect, it } from 'vitest'
import { CODE_BACKGROUNDS, CODE_THEMES, contrastRatio, editorPalette, legibleColor, legibleTheme, MIN_CODE_CONTRAST, RUST_TOKEN_SCOPES, scopeColor } from './live-theme.ts'

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

describe('legibleTheme', () => {
  it('raises every token colour of the slides\' themes to 4.5:1 on code, tinted changed lines included', async () => {
    for (const [mode, name] of Object.entries(CODE_THEMES) as ['light' | 'dark', string][]) {
      const { default: real } = await import(`shiki/themes/${name}.mjs`)
      const before = (real as ThemeLike).tokenColors!.flatMap(r => r.settings.foreground ? [r.settings.foreground] : [])
      // The themes as Slidev ships them do not reach it: the test would pass on nothing.
      expect(before.some(c => contrastRatio(c, CODE_BACKGROUNDS[mode][0]) < MIN_CODE_CONTRAST), name).toBe(true)
      const fixed = legibleTheme(real as ThemeLike, CODE_BACKGROUNDS[mode])
      for (const rule of fixed.tokenColors ?? []) {
        for (const bg of CODE_BACKGROUNDS[mode]) {
          if (rule.settings.foreground)
            expect(contrastRatio(rule.settings.foreground, bg), `${name} ${String(rule.scope)} on ${bg}`).toBeGreaterThanOrEqual(MIN_CODE_CONTRAST)
        }
      }
      const palette = editorPalette(fixed)
      for (const [kind, color] of Object.entries(palette.tokens))
        expect(contrastRatio(color, CODE_BACKGROUNDS[mode][0]), `${name} ${kind}`).toBeGreaterThanOrEqual(MIN_CODE_CONTRAST)
    }
  })

  it('leaves a colour that already reads, and keeps its hue when it does not', () => {
    expect(legibleColor('#1e754f', ['#f5f5f5'])).toBe('#1e754f')
    const fixed = legibleColor('#999999', ['#f5f5f5'])
    expect(contrastRatio(fixed, '#f5f5f5')).toBeGreaterThanOrEqual(4.5)
    expect(contrastRatio(fixed, '#f5f5f5')).toBeLessThan(5)
    expect(fixed).toMatch(/^#([0-9a-f]{2})\1\1$/)
  })
})
