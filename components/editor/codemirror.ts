/**
 * The live editor: CodeMirror 6 with Rust, coloured from the slides' Shiki
 * themes (`core/live-theme.ts`). Loaded with a dynamic `import()` by
 * `RustEditor.vue`, so it is its own chunk, fetched when a live slide is
 * mounted (Slidev mounts the slide after the current one), never with the
 * first slide.
 */
import type { Extension } from '@codemirror/state'
import type { Tag } from '@lezer/highlight'
import type { EditorPalette } from '../../core/live-theme.ts'
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands'
import { rust } from '@codemirror/lang-rust'
import { bracketMatching, HighlightStyle, indentUnit, syntaxHighlighting } from '@codemirror/language'
import { Compartment, EditorSelection, EditorState, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state'
import { Decoration, EditorView, keymap, lineNumbers } from '@codemirror/view'
import { tags } from '@lezer/highlight'
import dark from 'shiki/themes/vitesse-dark.mjs'
import light from 'shiki/themes/vitesse-light.mjs'
import { changedBlock } from '../../core/live-layout.ts'
import { CODE_BACKGROUNDS, editorPalette, legibleTheme } from '../../core/live-theme.ts'

/** The editor's token kinds (`RUST_TOKEN_SCOPES`) as the Rust parser's tags. */
const TAGS: Record<string, Tag[]> = {
  comment: [tags.comment],
  keyword: [tags.keyword, tags.moduleKeyword, tags.operatorKeyword],
  controlKeyword: [tags.controlKeyword],
  definitionKeyword: [tags.definitionKeyword],
  modifier: [tags.modifier],
  self: [tags.self],
  string: [tags.string, tags.special(tags.string)],
  character: [tags.character],
  number: [tags.number],
  bool: [tags.bool],
  typeName: [tags.typeName],
  function: [tags.function(tags.variableName), tags.function(tags.definition(tags.variableName)), tags.function(tags.propertyName)],
  macroName: [tags.macroName],
  lifetime: [tags.special(tags.variableName)],
  variableName: [tags.variableName],
  propertyName: [tags.propertyName],
  namespace: [tags.namespace],
  operator: [tags.operator],
  punctuation: [tags.punctuation],
  attribute: [tags.meta],
}

function highlightStyle(palette: EditorPalette): HighlightStyle {
  return HighlightStyle.define(Object.entries(TAGS).flatMap(([kind, list]) => {
    const color = palette.tokens[kind]
    return color ? [{ tag: list, color }] : []
  }))
}

const PALETTES = { light: editorPalette(legibleTheme(light, CODE_BACKGROUNDS.light)), dark: editorPalette(legibleTheme(dark, CODE_BACKGROUNDS.dark)) }
const STYLES = { light: highlightStyle(PALETTES.light), dark: highlightStyle(PALETTES.dark) }

/** Marks lines that a step changed. */
const setMarked = StateEffect.define<number[]>()
const changedMark = Decoration.line({ class: 'cm-step-changed' })
const marked = StateField.define({
  create: () => Decoration.none,
  update(value, tr) {
    value = value.map(tr.changes)
    for (const effect of tr.effects) {
      if (!effect.is(setMarked))
        continue
      const builder = new RangeSetBuilder<Decoration>()
      for (const line of [...effect.value].sort((a, b) => a - b)) {
        if (line < tr.state.doc.lines)
          builder.add(tr.state.doc.line(line + 1).from, tr.state.doc.line(line + 1).from, changedMark)
      }
      value = builder.finish()
    }
    return value
  },
  provide: field => EditorView.decorations.from(field),
})

export interface RustEditorOptions {
  doc: string
  /** The number shown on the first line (a region starts inside a file). */
  firstLine: number
  fontSize: number
  dark: boolean
  /** An accessible name for the editing area. */
  label: string
  onChange: (doc: string) => void
  /** Ctrl/Cmd+Enter. */
  onRun: () => void
  onFocus: (focused: boolean) => void
}

export interface RustEditorHandle {
  setDoc: (doc: string, changed: number[]) => void
  setMarked: (changed: number[]) => void
  setFontSize: (px: number) => void
  setDark: (dark: boolean) => void
  setFirstLine: (first: number) => void
  focus: () => void
  destroy: () => void
}

function look(fontSize: number, dark: boolean): Extension {
  const p = dark ? PALETTES.dark : PALETTES.light
  return [
    EditorView.theme({
      '&': { fontSize: `${fontSize}px`, color: p.foreground, backgroundColor: 'var(--slidev-code-background, transparent)', height: '100%' },
      '.cm-content': { fontFamily: 'var(--slidev-code-font-family, monospace)', caretColor: p.foreground, padding: '6px 0' },
      '.cm-scroller': { fontFamily: 'var(--slidev-code-font-family, monospace)', lineHeight: '1.45' },
      '.cm-gutters': { backgroundColor: 'transparent', border: 'none', color: dark ? '#9a9a9a' : '#6e6e6e' },
      '&.cm-focused': { outline: `2px solid ${dark ? '#56b4e9' : '#0072b2'}`, outlineOffset: '-2px' },
      '.cm-step-changed': { backgroundColor: dark ? 'rgba(230,159,0,0.18)' : 'rgba(230,159,0,0.22)', boxShadow: 'inset 4px 0 0 #e69f00' },
      '.cm-cursor': { borderLeftColor: p.foreground },
      '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: dark ? '#264f78' : '#add6ff' },
      '.cm-matchingBracket': { outline: '1px solid #999', backgroundColor: 'transparent' },
    }, { dark }),
    syntaxHighlighting(dark ? STYLES.dark : STYLES.light),
  ]
}

export function createRustEditor(parent: HTMLElement, options: RustEditorOptions): RustEditorHandle {
  const appearance = new Compartment()
  const numbers = new Compartment()
  let fontSize = options.fontSize
  let dark = options.dark
  let silent = false
  const gutter = (first: number): Extension => lineNumbers({ formatNumber: n => String(n + first - 1) })
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: options.doc,
      extensions: [
        numbers.of(gutter(options.firstLine)),
        history(),
        bracketMatching(),
        indentUnit.of('    '),
        EditorState.tabSize.of(4),
        rust(),
        marked,
        // Tab is left to the page (moving focus), so the keyboard can leave the editor; Escape leaves too.
        keymap.of([
          { key: 'Mod-Enter', run: () => {
            options.onRun()
            return true
          } },
          { key: 'Escape', run: (v) => {
            v.contentDOM.blur()
            // Give the slides their keys back now: CodeMirror reports the
            // lost focus a moment later, and a quick → would be swallowed.
            options.onFocus(false)
            return true
          } },
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        EditorView.lineWrapping,
        // tabindex: the scrolling editor is reachable by Tab (axe's scrollable-region-focusable).
        EditorView.contentAttributes.of({ 'aria-label': options.label, 'tabindex': '0' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !silent)
            options.onChange(update.state.doc.toString())
          if (update.focusChanged)
            options.onFocus(update.view.hasFocus)
        }),
        appearance.of(look(fontSize, dark)),
      ],
    }),
  })
  const restyle = (): void => view.dispatch({ effects: appearance.reconfigure(look(fontSize, dark)) })
  return {
    setDoc(doc, changed) {
      silent = true
      try {
        // Only the part that differs is replaced: a cursor elsewhere stays where it was.
        const old = view.state.doc.toString()
        let from = 0
        while (from < old.length && from < doc.length && old[from] === doc[from])
          from++
        let toOld = old.length
        let toNew = doc.length
        while (toOld > from && toNew > from && old[toOld - 1] === doc[toNew - 1]) {
          toOld--
          toNew--
        }
        view.dispatch({ changes: { from, to: toOld, insert: doc.slice(from, toNew) }, effects: setMarked.of(changed) })
        const block = changedBlock(changed)
        const lines = view.state.doc.lines
        if (block && block.last < lines) {
          // A step's change is what the class must see: the whole block, or as much as fits from its first line.
          const range = EditorSelection.range(view.state.doc.line(block.last + 1).to, view.state.doc.line(block.first + 1).from)
          view.dispatch({ effects: EditorView.scrollIntoView(range, { y: 'center' }) })
        }
        else if (!block && !view.hasFocus && from <= doc.length) {
          // Typed in another window: where it was typed comes into view here.
          view.dispatch({ effects: EditorView.scrollIntoView(Math.min(from + (toNew - from), view.state.doc.length), { y: 'nearest' }) })
        }
      }
      finally {
        silent = false
      }
    },
    setMarked: changed => view.dispatch({ effects: setMarked.of(changed) }),
    setFontSize(px) {
      fontSize = px
      restyle()
    },
    setDark(value) {
      dark = value
      restyle()
    },
    setFirstLine: first => view.dispatch({ effects: numbers.reconfigure(gutter(first)) }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  }
}
