/**
 * An error meant for the person running a command: its message says what is
 * wrong and where, so the command prints it alone, without a stack trace.
 */
export class LessonError extends Error {
  override name = 'LessonError'
}
