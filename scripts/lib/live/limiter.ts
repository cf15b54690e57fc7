/**
 * At most `running` tasks at once and at most `waiting` queued behind them;
 * anything beyond is refused at once, so a flood of requests cannot pile up
 * compiles on a two-core laptop.
 */
export interface Limiter {
  /** Runs `task` when a slot is free; `null` when the queue is full. */
  schedule: <T>(task: () => Promise<T>) => Promise<T> | null
  readonly active: number
  readonly queued: number
}

export function createLimiter(running: number, waiting: number): Limiter {
  let active = 0
  const queue: Array<() => void> = []
  const next = () => {
    active--
    queue.shift()?.()
  }
  return {
    schedule<T>(task: () => Promise<T>): Promise<T> | null {
      if (active >= running && queue.length >= waiting)
        return null
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          active++
          task().then(resolve, reject).finally(next)
        }
        if (active < running)
          start()
        else queue.push(start)
      })
    },
    get active() {
      return active
    },
    get queued() {
      return queue.length
    },
  }
}
