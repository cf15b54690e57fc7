import { definePreparserSetup } from '@slidev/types'
import { notesOmitted } from '../scripts/lib/publish/notes.ts'

/** Leaves speaker notes out of a learner build; see `scripts/lib/publish/notes.ts`. */
export default definePreparserSetup(() => notesOmitted(process.env)
  ? [{ name: 'lesson:omit-notes', transformNote: async () => '' }]
  : [])
