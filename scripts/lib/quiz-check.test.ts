import type { GeneratedData, SnippetResult } from '../../core/snippet-data.ts'
import { describe, expect, it } from 'vitest'
import { buildDecks } from '../../core/deck-model.ts'
import { parseDeckFile } from './decks.ts'
import { checkQuizzes, parseStringList, quizTags, specOf } from './quiz-check.ts'

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

function result(id: string, stdout: string): SnippetResult {
  return {
    id,
    topic: id.split('/')[0]!,
    file: `snippets/${id}.rs`,
    source: '',
    expectation: { kind: 'runs', varies: false },
    command: `cargo run -q --bin ${id.split('/')[1]}`,
    support: null,
    status: 'passed',
    failures: [],
    key: 'k',
    durationMs: 0,
    run: { stdout, stderr: '', exitCode: 0, timedOut: false },
    diagnostics: [],
    tests: null,
    trace: null,
  }
}

const data: GeneratedData = {
  rustc: 'rustc 1.95.0',
  snippets: {
    'rc/shown': result('rc/shown', 'a\n'),
    'rc/variant': result('rc/variant', 'b\n'),
    'rc/sibling': result('rc/sibling', 'c\n'),
    'rc/same': result('rc/same', 'c\n'),
  },
}

/** The check's quiz problems for decks written as `{ file: markdown }`, the first being an entry deck. */
function problemsOf(files: Record<string, string>): string[] {
  const sources = new Map(Object.entries(files).map(([file, md]) => [file, parseDeckFile(file, md)]))
  const ids = Object.keys(files).map(f => f.replace(/^slides\/|\.md$/g, ''))
  return checkQuizzes({ decks: buildDecks(ids, sources), files: sources, problems: [] }, data)
}

describe('a quiz asks about a program its deck has not shown', () => {
  const quiz = (id: string) => `<Quiz snippet="${id}" ask="runs" answer="prints" :wrong="['nothing']" />`

  it('fails a quiz on a snippet an earlier slide imports, at the quiz\'s line, naming the earlier slide\'s line', () => {
    const md = [
      '# Shown', //                                             1
      '', //                                                    2
      '<<< @/../snippets/rc/src/bin/shown.rs#main rust', //     3
      '', //                                                    4
      '---', //                                                 5
      '', //                                                    6
      '# Question', //                                          7
      '', //                                                    8
      quiz('rc/shown'), //                                      9
    ].join('\n')
    const problems = problemsOf({ 'slides/rc.md': md })
    expect(problems).toEqual([
      'slides/rc.md:9: the quiz asks about rc/shown, which an earlier slide of this deck already shows (slides/rc.md:3); a question asks for a prediction: ask about a checked variant the deck has not shown (one line changed, another order, one more clone, another edition) instead',
    ])
  })

  it('counts a component\'s snippet="…" and a live step as showing it; the quiz slide\'s own import does not', () => {
    const md = [
      '# Output', //                                                                      1
      '', //                                                                              2
      '<RunOutput snippet="rc/shown" />', //                                              3
      '', //                                                                              4
      '---', //                                                                           5
      '', //                                                                              6
      '# Live', //                                                                        7
      '', //                                                                              8
      '<LiveSnippet :steps="[\'rc/sibling#main\']" />', //                                 9
      '', //                                                                              10
      '---', //                                                                           11
      '', //                                                                              12
      '<<< @/../snippets/rc/src/bin/variant.rs#main rust', //                             13
      '', //                                                                              14
      quiz('rc/variant'), //                                                              15
      '', //                                                                              16
      '---', //                                                                           17
      '', //                                                                              18
      quiz('rc/sibling'), //                                                              19
      '', //                                                                              20
      '---', //                                                                           21
      '', //                                                                              22
      quiz('rc/shown'), //                                                                23
    ].join('\n')
    const problems = problemsOf({ 'slides/rc.md': md })
    expect(problems.map(p => p.slice(0, p.indexOf(';')))).toEqual([
      'slides/rc.md:19: the quiz asks about rc/sibling, which an earlier slide of this deck already shows (slides/rc.md:9)',
      'slides/rc.md:23: the quiz asks about rc/shown, which an earlier slide of this deck already shows (slides/rc.md:3)',
    ])
  })

  it('a quiz before any slide shows its snippet passes; in the lesson, another topic showing it does not count', () => {
    const rc = ['# Question', '', quiz('rc/variant'), '', '---', '', '# Later', '', '<<< @/../snippets/rc/src/bin/variant.rs#main rust'].join('\n')
    const other = ['# Shows it', '', '<<< @/../snippets/rc/src/bin/variant.rs#main rust'].join('\n')
    const lesson = ['---', 'title: Lesson', '---', '', '# Lesson', '', '---', 'src: ./other.md', '---', '', '---', 'src: ./rc.md', '---'].join('\n')
    expect(problemsOf({ 'slides/rc.md': rc, 'slides/other.md': other, 'slides/lesson.md': lesson })).toEqual([])
  })
})

describe('the choices of a quiz render different texts', () => {
  it('fails two wrong choices that render the same output, at the quiz\'s line', () => {
    const md = ['# Question', '', '<Quiz snippet="rc/variant" ask="runs" answer="prints"', '  :wrong="[\'rc/sibling\', \'rc/same\']">', '', 'Why.', '', '</Quiz>'].join('\n')
    expect(problemsOf({ 'slides/rc.md': md })).toEqual([
      'slides/rc.md:3: quiz on rc/variant: wrong choice "rc/same" renders the same text as another choice; give each choice an outcome of its own',
    ])
  })

  it('fails a typed choice that renders as a snippet\'s output, and one that renders as the real outcome', () => {
    const md = ['# Question', '', '<Quiz snippet="rc/variant" ask="runs" answer="prints" :wrong="[\'rc/sibling\', \'c\', \'b \']">', '', 'Why.', '', '</Quiz>'].join('\n')
    expect(problemsOf({ 'slides/rc.md': md })).toEqual([
      'slides/rc.md:3: quiz on rc/variant: wrong choice "c" renders the same text as another choice; give each choice an outcome of its own',
      'slides/rc.md:3: quiz on rc/variant: wrong choice "b " says the same as the real answer',
    ])
  })
})
