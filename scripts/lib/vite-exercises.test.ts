import { gunzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { KIT_ROOT } from './kit-copy.ts'
import { exercisesResponse } from './vite-exercises.ts'

describe('the exercises in the dev server', () => {
  it('answers the page, each starter and both workspaces, as publish writes them', async () => {
    const page = (await exercisesResponse(KIT_ROOT, '/exercises/'))!
    expect(page.type).toMatch(/^text\/html/)
    expect(page.body).toContain('<h1>Exercises</h1>')
    expect(page.body).toContain('id="ex-rc"')
    expect((await exercisesResponse(KIT_ROOT, '/exercises/index.html'))!.body).toBe(page.body)
    const starter = (await exercisesResponse(KIT_ROOT, '/exercises/rc/starter.rs'))!
    expect(starter.type).toMatch(/^text\/plain/)
    expect(starter.body).toContain('todo!(')
    const archive = (await exercisesResponse(KIT_ROOT, '/exercises/lesson-2.2-exercises.tar.gz'))!
    expect(archive.type).toBe('application/gzip')
    expect(gunzipSync(archive.body as Uint8Array).toString('latin1')).toContain('lesson-2.2-exercises/rc/src/main.rs')
  })

  it('has nothing at any other path', async () => {
    for (const path of ['/exercises/nope.rs', '/exercises/nope/starter.rs', '/exercises/rc/solution.rs', '/exercises/../package.json'])
      expect(await exercisesResponse(KIT_ROOT, path), path).toBeNull()
  })
})
