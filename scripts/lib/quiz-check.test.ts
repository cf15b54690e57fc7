import { describe, expect, it } from 'vitest'
import { parseDeckFile } from './decks.ts'
import { parseStringList, quizTags, specOf } from './quiz-check.ts'

const findQuizTags = (md: string) => quizTags(parseDeckFile('slides/x.md', md))

describe('quizTags', () => {
  it('reads a tag over several lines, with its line, outside code fences only', () => {
    const md = [
      '# Slide',
      '',
      '```md',
      '<Quiz snippet="in/fence" ask="runs" answer="prints" />',
      '```',
      '',
      '<Quiz snippet="rc/clone-counts" ask="counts"',
      '  handle="a" :step="2" answer="2 0"',
      '  :wrong="[\'1 0\', \'it\\\'s 3\', \'a &quot;b&quot;\\nc\']">',
      'Why.',
      '</Quiz>',
      '<QuizAnswers topic="rc" />',
    ].join('\n')
    const tags = findQuizTags(md)
    expect(tags.map(t => t.line)).toEqual([7])
    expect(specOf(tags[0]!)).toEqual({ snippet: 'rc/clone-counts', ask: 'counts', answer: '2 0', handle: 'a', step: 2, wrong: ['1 0', 'it\'s 3', 'a "b"\nc'], question: undefined })
  })

  it('says what is missing or malformed', () => {
    const spec = (md: string) => specOf(findQuizTags(md)[0]!)
    expect(spec('<Quiz ask="runs" answer="prints" />')).toBe('<Quiz> needs snippet="…"')
    expect(spec('<Quiz snippet="a/b" ask="runs" answer="prints" :wrong="x" />')).toMatch(/must be a list of single-quoted strings/)
    expect(spec('<Quiz snippet="a/b" ask="runs" answer="prints" wrong="x" />')).toMatch(/write the wrong choices as a list/)
  })
})

it('parseStringList takes only a plain list of quoted strings', () => {
  expect(parseStringList('[\'a\', \'b\']')).toEqual(['a', 'b'])
  expect(parseStringList('[]')).toEqual([])
  expect(parseStringList('[a]')).toBeNull()
  expect(parseStringList('\'a\'')).toBeNull()
})
