/**
 * The live editor's colours, taken from the same Shiki themes the slides'
 * code blocks use, so an editor and a code block side by side colour Rust
 * alike. A theme's `tokenColors` are TextMate scope rules; the editor's
 * parser names tokens differently, so each of its token kinds is given the
 * scope the Rust TextMate grammar gives the same token, and takes that
 * scope's colour from the theme. Pure data and functions: no Vue, no editor.
 */

/** The themes the slides' code blocks start from (Slidev's defaults), raised to `MIN_CODE_CONTRAST` by `legibleTheme` in `setup/shiki.ts` and the editor. */
export const CODE_THEMES = { light: 'vitesse-light', dark: 'vitesse-dark' } as const

/** The part of a Shiki/VS Code theme read here. */
export interface ThemeLike {
  colors?: Record<string, string>
  tokenColors?: { scope?: string | string[], settings: { foreground?: string, fontStyle?: string } }[]
}

/**
 * Token kinds of the editor's Rust parser (`@lezer/highlight` tag names)
 * and the scope the Rust TextMate grammar gives the same token.
 */
export const RUST_TOKEN_SCOPES: Record<string, string> = {
  comment: 'comment.line.double-slash.rust',
  keyword: 'keyword.other.rust',
  controlKeyword: 'keyword.control.rust',
  definitionKeyword: 'keyword.other.fn.rust',
  modifier: 'storage.modifier.mut.rust',
  self: 'variable.language.self.rust',
  string: 'string.quoted.double.rust',
  character: 'string.quoted.single.char.rust',
  number: 'constant.numeric.decimal.rust',
  bool: 'constant.language.bool.rust',
  typeName: 'entity.name.type.rust',
  function: 'entity.name.function.rust',
  macroName: 'entity.name.function.macro.rust',
  lifetime: 'entity.name.type.lifetime.rust',
  variableName: 'variable.other.rust',
  propertyName: 'variable.other.property.rust',
  namespace: 'entity.name.namespace.rust',
  operator: 'keyword.operator.rust',
  punctuation: 'punctuation.brackets.round.rust',
  attribute: 'meta.attribute.rust',
}

/**
 * How well TextMate `selector` matches `scope`: the number of dot-separated
 * parts matched (a selector matches a scope it is a prefix of), 0 for no match.
 */
function matchDepth(selector: string, scope: string): number {
  // Descendant selectors (`string variable`) are not needed here: they never match a lone scope.
  if (selector.includes(' '))
    return 0
  return scope === selector || scope.startsWith(`${selector}.`) ? selector.split('.').length : 0
}

/** The foreground the theme gives `scope` (most specific rule wins, later rules on ties), or null. */
export function scopeColor(theme: ThemeLike, scope: string): string | null {
  let best: { depth: number, color: string } | null = null
  for (const rule of theme.tokenColors ?? []) {
    const color = rule.settings.foreground
    if (!color)
      continue
    const selectors = Array.isArray(rule.scope) ? rule.scope : (rule.scope ?? '').split(',')
    for (const selector of selectors) {
      const depth = matchDepth(selector.trim(), scope)
      if (depth > 0 && (!best || depth >= best.depth))
        best = { depth, color }
    }
  }
  return best?.color ?? null
}

/** One colour per token kind, and the editor's own colours, from a theme. */
export interface EditorPalette {
  foreground: string
  background: string
  tokens: Record<string, string>
}

export function editorPalette(theme: ThemeLike): EditorPalette {
  const tokens: Record<string, string> = {}
  for (const [kind, scope] of Object.entries(RUST_TOKEN_SCOPES)) {
    const color = scopeColor(theme, scope)
    if (color)
      tokens[kind] = color
  }
  return {
    foreground: theme.colors?.['editor.foreground'] ?? theme.colors?.foreground ?? 'inherit',
    background: theme.colors?.['editor.background'] ?? 'transparent',
    tokens,
  }
}

/** The background code is drawn on (Slidev's `--slidev-code-background`), and the same under a step's changed-line tint. */
export const CODE_BACKGROUNDS = {
  light: ['#f5f5f5', '#f2e2bf'],
  dark: ['#1b1b1b', '#403219'],
} as const

/** The least contrast of a code token against its background (WCAG AA for text). */
export const MIN_CODE_CONTRAST = 4.5

type Rgb = [number, number, number]

function parseHex(hex: string): { rgb: Rgb, alpha: number } | null {
  const m = /^#([0-9a-f]{3,8})$/i.exec(hex.trim())
  if (!m)
    return null
  let h = m[1]!
  if (h.length === 3 || h.length === 4)
    h = [...h].map(c => c + c).join('')
  if (h.length !== 6 && h.length !== 8)
    return null
  const n = (i: number) => Number.parseInt(h.slice(i, i + 2), 16)
  return { rgb: [n(0), n(2), n(4)], alpha: h.length === 8 ? n(6) / 255 : 1 }
}

function toHex(rgb: Rgb): string {
  return `#${rgb.map(v => Math.round(Math.min(255, Math.max(0, v))).toString(16).padStart(2, '0')).join('')}`
}

function luminance([r, g, b]: Rgb): number {
  const f = (v: number) => {
    v /= 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  }
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
}

/** WCAG contrast ratio of two `#rrggbb` colours (a colour with alpha is taken over `b`). */
export function contrastRatio(a: string, b: string): number {
  const bg = parseHex(b)
  const fg = parseHex(a)
  if (!bg || !fg)
    throw new Error(`contrastRatio: not a hex colour: ${!fg ? a : b}`)
  const top: Rgb = [0, 1, 2].map(i => fg.rgb[i]! * fg.alpha + bg.rgb[i]! * (1 - fg.alpha)) as Rgb
  const x = luminance(top)
  const y = luminance(bg.rgb)
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05)
}

/**
 * `color` moved toward black (on light backgrounds) or white (on dark) just
 * far enough to reach `min` against every one of `backgrounds`; its hue is
 * kept. A colour with alpha is first made opaque over the first background.
 */
export function legibleColor(color: string, backgrounds: readonly string[], min = MIN_CODE_CONTRAST): string {
  const fg = parseHex(color)
  const base = parseHex(backgrounds[0]!)
  if (!fg || !base)
    return color
  const start: Rgb = [0, 1, 2].map(i => fg.rgb[i]! * fg.alpha + base.rgb[i]! * (1 - fg.alpha)) as Rgb
  const dark = luminance(base.rgb) < 0.5
  const target = dark ? 255 : 0
  for (let t = 0; t <= 1.0001; t += 0.01) {
    const rgb = start.map(v => v + (target - v) * t) as Rgb
    const hex = toHex(rgb)
    if (backgrounds.every(b => contrastRatio(hex, b) >= min))
      return t === 0 && fg.alpha === 1 ? color : hex
  }
  return toHex([target, target, target])
}

/**
 * A theme whose every token colour, and its foreground, reads at
 * `MIN_CODE_CONTRAST` on `backgrounds`: what the slides and the live editor
 * draw code with, so syntax colours hold up on a projector.
 */
export function legibleTheme<T extends ThemeLike & { name?: string }>(theme: T, backgrounds: readonly string[]): T {
  // A little above the rule: the browser's colour rounding and a slide's measured background never take a token under it.
  const fix = (c: string | undefined) => (c ? legibleColor(c, backgrounds, MIN_CODE_CONTRAST + 0.1) : c)
  const colors = theme.colors ? { ...theme.colors } : undefined
  if (colors) {
    for (const key of ['editor.foreground', 'foreground']) {
      if (colors[key])
        colors[key] = fix(colors[key])!
    }
  }
  return {
    ...theme,
    name: theme.name ? `${theme.name}-legible` : theme.name,
    colors,
    tokenColors: theme.tokenColors?.map(rule => ({ ...rule, settings: { ...rule.settings, foreground: fix(rule.settings.foreground) } })),
  }
}
