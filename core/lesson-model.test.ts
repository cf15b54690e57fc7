import { describe, expect, it } from 'vitest'
import { LESSON_MODEL_VERSION, parseLessonModel, problemAt } from './lesson-model.ts'

describe('parseLessonModel', () => {
  it('reads a model of this version', () => {
    const text = JSON.stringify({ version: LESSON_MODEL_VERSION, decks: [] })
    expect(parseLessonModel(text).decks).toEqual([])
  })

  it('refuses a model of another version, or none, naming the file and the command that writes it', () => {
    const stale = JSON.stringify({ version: LESSON_MODEL_VERSION - 1, decks: [] })
    expect(() => parseLessonModel(stale, 'generated/lesson-model.json')).toThrow(`generated/lesson-model.json is lesson model version ${LESSON_MODEL_VERSION - 1}, and this kit reads version ${LESSON_MODEL_VERSION}: run \`npm run check\``)
    expect(() => parseLessonModel('{"decks":[]}', 'm.json')).toThrow('m.json is lesson model version null')
    expect(() => parseLessonModel('{"version":', 'm.json')).toThrow(/^m\.json is not JSON .*run `npm run check`/)
  })
})

describe('problemAt', () => {
  it('splits a check\'s `file:line: message`, and keeps any other line whole', () => {
    expect(problemAt('slides/rc.md:12: quiz on rc/x: no')).toEqual({ file: 'slides/rc.md', line: 12, message: 'quiz on rc/x: no' })
    expect(problemAt('cargo stopped: out of memory')).toEqual({ file: null, line: null, message: 'cargo stopped: out of memory' })
  })
})
