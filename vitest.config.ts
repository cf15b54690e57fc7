import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { quizzesPlugin } from './scripts/lib/vite-quizzes.ts'
import { snippetsPlugin } from './scripts/lib/vite-snippets.ts'

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  plugins: [vue(), snippetsPlugin(root), quizzesPlugin(root)],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['adapter/**/*.test.ts', 'core/**/*.test.ts', 'scripts/**/*.test.ts', 'components/**/*.test.ts'],
          environment: 'node',
          // Worker threads start faster than forked processes: 98 files in 30 s instead of 40 s on 2 cores.
          // Nothing here needs a process of its own (no process.chdir, no signal handlers of the test's own).
          pool: 'threads',
        },
      },
      {
        extends: true,
        test: {
          // Whole-kit tests: the check on a copy of the project, built decks in Chromium.
          name: 'kit',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          // Dev servers shared by the files of a run (tests/live/dev-server.ts, sharedDevServer).
          globalSetup: ['tests/live/dev-servers.global.ts'],
        },
      },
    ],
  },
})
