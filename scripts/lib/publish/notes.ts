/**
 * Speaker notes in a learner build. Notes are the instructor's script
 * (questions to ask, answers to wait for), so the published site leaves them
 * out unless asked. `npm run publish` sets the variable below for the
 * `slidev build` it starts; `setup/preparser.ts` reads it and empties every
 * slide's note before Slidev renders it into the bundle.
 */

/** Set to `omit` in a `slidev build`'s environment to leave notes out. */
export const NOTES_ENV = 'LESSON_SPEAKER_NOTES'

/** True when the environment asks for a build without speaker notes. */
export function notesOmitted(env: Record<string, string | undefined>): boolean {
  return env[NOTES_ENV] === 'omit'
}

/** The environment for a learner build (`keepNotes` false) or an instructor build. */
export function notesEnv(keepNotes: boolean): Record<string, string> {
  return { [NOTES_ENV]: keepNotes ? 'keep' : 'omit' }
}
