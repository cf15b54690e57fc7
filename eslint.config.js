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
    // New in @antfu/eslint-config 10: one item per line whenever an array or
    // object holds a call. The kit's tables of steps, rules and fixtures read
    // better one row per line, as they are written.
    'antfu/reasonable-newline': 'off',
  },
}, {
  // The core is shared by node (check, build, publish, dev server) and the
  // browser (components): it stays pure, so both can load it unchanged.
  files: ['core/**/*.ts'],
  ignores: ['core/**/*.test.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['vue', 'vue/*', '@vue/*'], message: 'core/ is pure TypeScript: rendering and reactivity belong in components/.' },
        { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'url'], message: 'core/ runs in the browser too: node APIs belong in scripts/.' },
        { group: ['@slidev/*', 'virtual:*', '#slidev/*'], message: 'core/ knows nothing of Slidev: wire it in components/ or setup/.' },
        { group: ['../components/*', '../scripts/*', '../setup/*'], message: 'core/ depends on nothing else in the kit.' },
      ],
    }],
  },
}, {
  // Slidev's client entry also loads the drawings and every directive:
  // components import its modules one by one, so a deck's entry stays small.
  files: ['components/**/*.ts', 'components/**/*.vue', 'global-*.vue', 'layouts/**/*.vue'],
  ignores: ['components/**/*.test.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [{ name: '@slidev/client', message: 'import the module itself, e.g. @slidev/client/composables/useNav.ts (README: bench-first-slide).' }],
    }],
  },
}, {
  // Node and build code never reaches into the Vue layer.
  files: ['scripts/**/*.ts', 'setup/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{ group: ['**/components/*'], message: 'shared logic lives in core/; components/ holds Vue only.' }],
    }],
  },
})
