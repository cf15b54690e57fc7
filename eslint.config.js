import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
  // Decks are Slidev markdown, checked by `npm run check`, not by ESLint.
  markdown: false,
  ignores: ['snippets/**', 'dist/**', 'generated/**', '.slidev/**', 'slides/**'],
}, {
  rules: {
    // Scripts are command-line tools: their output is the point.
    'no-console': 'off',
    'node/prefer-global/process': 'off',
  },
})
