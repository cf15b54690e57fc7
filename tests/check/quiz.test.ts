import type { KitCopy } from '../../scripts/lib/kit-copy.ts'
/**
 * A question's claimed answer is judged like any other promise: on a copy
 * of the kit, a wrong claim or a wrong choice that is really right fails
 * the check, naming the deck file and the line of the `<Quiz>`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCheck } from '../../scripts/lib/check.ts'
import { copyKit } from '../../scripts/lib/kit-copy.ts'
import { readLessonModel } from '../../scripts/lib/lesson-model.ts'

let kit: KitCopy

async function problemsWith(path: string, from: string, to: string): Promise<{ problems: string[], line: number }> {
  const before = await kit.read(path)
  const at = before.indexOf(from)
  expect(at, `${path} no longer has ${from}`).toBeGreaterThanOrEqual(0)
  // The line of the `<Quiz` the change is in.
  const line = before.slice(0, before.lastIndexOf('<Quiz', at)).split('\n').length
  await kit.edit(path, from, to)
  try {
    return { problems: (await runCheck({ root: kit.root })).problems, line }
  }
  finally {
    await kit.write(path, before)
  }
}

beforeAll(async () => {
  kit = await copyKit()
  expect((await runCheck({ root: kit.root })).problems).toEqual([])
})

afterAll(async () => {
  await kit?.remove()
})

describe('the check judges every <Quiz>', () => {
  it('fails a "does it compile?" whose claimed error code is not rustc\'s', async () => {
    const { problems, line } = await problemsWith('slides/rc.md', 'ask="compiles" answer="E0596"', 'ask="compiles" answer="E0499"')
    expect(problems).toEqual([`slides/rc.md:${line}: quiz on rc/clone-then-push: answer="E0499" disagrees with the check: rustc rejects rc/clone-then-push with E0596`])
  })

  it('writes the contradicted question into the lesson model without an answer, its problem at its line', async () => {
    const { line } = await problemsWith('slides/rc.md', 'ask="compiles" answer="E0596"', 'ask="compiles" answer="E0499"')
    const model = readLessonModel(kit.root)
    expect(model.problems).toContainEqual({ file: 'slides/rc.md', line, message: expect.stringContaining('answer="E0499" disagrees with the check') })
    const quiz = Object.values(model.quizzes).find(q => q.file === 'slides/rc.md' && q.line === line)
    expect(quiz?.spec.answer).toBe('E0499')
    expect(quiz?.model).toBeNull()
  })

  it('fails counts that the recording contradicts', async () => {
    const { problems, line } = await problemsWith('slides/rc.md', 'handle="a" answer="3 0"', 'handle="a" answer="2 0"')
    expect(problems).toEqual([`slides/rc.md:${line}: quiz on rc/clone-kept: answer="2 0" disagrees with the recording: \`a\` at the end has strong 3, weak 0`])
  })

  it('fails a question claiming a program that prints panics, and a wrong choice that is the real output', async () => {
    const a = await problemsWith('slides/refcell.md', 'snippet="refcell/temp-borrows" ask="runs" answer="prints"', 'snippet="refcell/temp-borrows" ask="runs" answer="panics"')
    expect(a.problems).toEqual([`slides/refcell.md:${a.line}: quiz on refcell/temp-borrows: answer="panics" disagrees with the check: refcell/temp-borrows runs to the end without a panic`])
    const b = await problemsWith('slides/rc.md', ':wrong="[\'2 0\',', ':wrong="[\'3 0\',')
    expect(b.problems).toEqual([`slides/rc.md:${b.line}: quiz on rc/clone-kept: wrong choice "3 0" says the same as the real answer`])
  })

  it('fails a question about a program an earlier slide of its deck shows', async () => {
    const { problems, line } = await problemsWith('slides/rc.md', 'snippet="rc/clone-kept" ask="counts" handle="a" answer="3 0"', 'snippet="rc/clone-counts" ask="counts" handle="a" answer="2 0"')
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^slides/rc\\.md:${line}: the quiz asks about rc/clone-counts, which an earlier slide of this deck already shows \\(slides/rc\\.md:\\d+\\); .*ask about a checked variant`)))
  })
})
