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
        { group: ['@slidev/*', 'virtual:*', '#slidev/*'], message: 'core/ knows nothing of Slidev: wire it in components/ or adapter/slidev/.' },
        { group: ['../adapter/*', '../components/*', '../scripts/*', '../setup/*'], message: 'core/ depends on nothing else in the kit.' },
      ],
    }],
  },
}, {
  // Everything that touches Slidev goes through one folder, so an upgrade
  // has one place to look (docs/maintaining.md).
  files: ['components/**/*.ts', 'components/**/*.vue', 'global-*.vue', 'layouts/**/*.vue', 'scripts/**/*.ts', 'setup/**/*.ts', 'tests/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['@slidev/*', '#slidev/*'], message: 'Slidev is reached through adapter/slidev/ only: its client (client.ts), parser (parser.ts), CLI (cli.ts) and Vite hooks.' },
        { group: ['**/components/*'], message: 'shared logic lives in core/; components/ holds Vue only.' },
      ],
    }],
  },
}, {
  // Components and global layers may import from components/; the rule above is for node code.
  files: ['components/**/*.ts', 'components/**/*.vue', 'global-*.vue', 'layouts/**/*.vue', 'tests/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [{ group: ['@slidev/*', '#slidev/*'], message: 'Slidev is reached through adapter/slidev/ only: its client (client.ts), parser (parser.ts), CLI (cli.ts) and Vite hooks.' }],
    }],
  },
}, {
  // Slidev's client entry also loads the drawings and every directive: the
  // adapter imports its modules one by one, so a deck's entry stays small.
  files: ['adapter/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      paths: [{ name: '@slidev/client', message: 'import the module itself, e.g. @slidev/client/composables/useNav.ts (README: bench-first-slide).' }],
      patterns: [{ group: ['**/components/*'], message: 'the adapter serves components/; it never imports them.' }],
    }],
  },
})
