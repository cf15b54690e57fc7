// The default theme's layout, unchanged: the kit's theme is the default theme plus the decks' shared headmatter (docs/maintaining.md).
export { default } from '@slidev/theme-default/layouts/intro.vue'
