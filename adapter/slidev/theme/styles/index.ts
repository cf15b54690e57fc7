// The default theme's styles, unchanged: the decks look as they did on `theme: default`.
import '@slidev/theme-default/styles/index.ts'
