/**
 * The live editor's colours, taken from the same Shiki themes the slides'
 * code blocks use, so an editor and a code block side by side colour Rust
 * alike. A theme's `tokenColors` are TextMate scope rules; the editor's
 * parser names tokens differently, so each of its token kinds is given the
 * scope the Rust TextMate grammar gives the same token, and takes that
 * scope's colour from the theme. Pure data and functions: no Vue, no editor.
 */

/** The themes of the slides' code blocks (Slidev's defaults, set in `setup/shiki.ts`). */
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
