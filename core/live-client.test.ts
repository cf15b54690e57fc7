import { describe, expect, it } from 'vitest'
import { runLive } from './live-client.ts'

const answer = { outcome: 'ok', stdout: 'hi\n', stderr: '', exitCode: 0, diagnostics: '', durationMs: 3, cached: false, stopped: null, truncated: false }

describe('runLive', () => {
  it('posts the code as JSON and returns the answer', async () => {
    let seen: RequestInit | undefined
    const fake = (async (_url: string, init: RequestInit) => {
      seen = init
      return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } })
    }) as unknown as typeof fetch
    expect(await runLive('fn main() {}', { fetch: fake, fresh: true })).toEqual(answer)
    expect(seen?.method).toBe('POST')
    expect(JSON.parse(String(seen?.body))).toEqual({ code: 'fn main() {}', fresh: true })
  })

  it('says a dev server is needed when the answer is a page, not the endpoint', async () => {
    const html = (async () => new Response('<!doctype html>', { status: 200 })) as unknown as typeof fetch
    const r = await runLive('fn main() {}', { fetch: html })
    expect(r.outcome).toBe('rejected')
    expect(r.error).toMatch(/needs the dev server/)
  })

  it('says so when nothing answers', async () => {
    const down = (async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof fetch
    expect((await runLive('fn main() {}', { fetch: down })).error).toMatch(/did not answer/)
  })
})
