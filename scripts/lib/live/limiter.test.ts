import { describe, expect, it } from 'vitest'
import { createLimiter } from './limiter.ts'

describe('createLimiter', () => {
  it('runs at most N at once, queues M, refuses the rest', async () => {
    const limiter = createLimiter(2, 1)
    let running = 0
    let peak = 0
    const release: Array<() => void> = []
    const task = () => new Promise<void>((resolve) => {
      running++
      peak = Math.max(peak, running)
      release.push(() => {
        running--
        resolve()
      })
    })
    const a = limiter.schedule(task)
    const b = limiter.schedule(task)
    const c = limiter.schedule(task)
    expect(limiter.schedule(task)).toBeNull()
    expect([limiter.active, limiter.queued]).toEqual([2, 1])
    release.shift()!()
    await a
    await new Promise(resolve => setTimeout(resolve, 0))
    expect([limiter.active, limiter.queued]).toEqual([2, 0])
    release.splice(0).forEach(r => r())
    await b
    await c
    expect(peak).toBe(2)
    expect(limiter.active).toBe(0)
  })

  it('frees the slot when a task fails', async () => {
    const limiter = createLimiter(1, 0)
    await expect(limiter.schedule(() => Promise.reject(new Error('x')))).rejects.toThrow('x')
    expect(await limiter.schedule(async () => 7)).toBe(7)
  })
})
