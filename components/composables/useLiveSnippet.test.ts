import type { LiveResponse } from '../../core/live-contract.ts'
import type { EditStorage } from '../../core/live-store.ts'
import type { LiveMessage } from '../../core/live-sync.ts'
import data from 'virtual:snippets'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick, ref } from 'vue'
import { recordedResponse } from '../../core/live-code.ts'
import { createLiveBoard } from './useLiveBoard.ts'
import { useLiveSnippet } from './useLiveSnippet.ts'

/** A window's board connected to nothing. */
const alone = () => createLiveBoard(() => () => {})

/**
 * Windows joined as the dev server joins them: every message goes to the
 * hub, which passes each on to every window (the sender too), in order.
 */
function presentation() {
  const windows: ((raw: unknown) => void)[] = []
  const queue: LiveMessage[] = []
  const flush = async (): Promise<void> => {
    while (queue.length) {
      const message = JSON.parse(JSON.stringify(queue.shift())) as LiveMessage
      if (message.type === 'put')
        windows.forEach(receive => receive(message))
    }
    await nextTick()
  }
  const open = () => createLiveBoard((receive) => {
    windows.push(receive)
    return message => void queue.push(message)
  })
  return { open, flush }
}

/** A browser's localStorage; windows of one browser pass the same `map`. */
function memory(map = new Map<string, string>()): EditStorage {
  return {
    getItem: k => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: k => void map.delete(k),
    get length() {
      return map.size
    },
    key: i => [...map.keys()][i] ?? null,
  }
}

describe('useLiveSnippet without a server (a built deck)', () => {
  it('shows the recorded run of the original, and for an edit a Playground link instead', async () => {
    const storage = memory()
    const live = useLiveSnippet('rc/clone-counts', 'counts', { live: false, storage, board: alone() })
    expect(live.live).toBe(false)
    expect(live.code.value).toContain('Rc::clone(&a)')
    expect(live.code.value).not.toContain('trace::')
    expect(live.source.value).toBe('recorded')
    expect(live.shown.value?.stdout).toBe(data.snippets['rc/clone-counts']!.run!.stdout)

    live.code.value += '\nprintln!("mine");'
    await nextTick()
    expect(live.modified.value).toBe(true)
    expect(live.shown.value).toBeNull()
    const url = new URL(live.playground.value)
    expect(url.searchParams.get('code')).toMatch(/fn main\(\) \{[\s\S]* {4}println!\("mine"\);[\s\S]*\}\n$/)
    await live.run()
    expect(live.shown.value).toBeNull()

    // A second slide instance (navigation, reload) finds the edit.
    const again = useLiveSnippet('rc/clone-counts', 'counts', { live: false, storage, board: alone() })
    expect(again.code.value).toContain('println!("mine");')
    again.reset()
    expect(again.code.value).toBe(again.original.value)
    expect(useLiveSnippet('rc/clone-counts', 'counts', { live: false, storage, board: alone() }).modified.value).toBe(false)
  })
})

describe('useLiveSnippet with steps', () => {
  it('plays each step with its capture, keeps an edit per step, and Reset returns to the step', async () => {
    const storage = memory()
    const index = ref(0)
    const steps = ['refcell/double-borrow', 'refcell/double-borrow-fixed#fixed']
    const live = useLiveSnippet(steps, 'alias', { live: false, storage, index, board: alone() })
    expect(live.step.value.id).toBe('refcell/double-borrow')
    // The recorded panic, its location numbered as the editor numbers the program.
    expect(live.shown.value?.stderr).toBe(recordedResponse(data.snippets['refcell/double-borrow']!).stderr)
    expect(live.shown.value?.stderr).toMatch(/panicked at main\.rs:\d+:\d+:\nRefCell already borrowed/)
    expect(live.next.value?.id).toBe('refcell/double-borrow-fixed')

    index.value = 1
    await nextTick()
    expect(live.step.value.id).toBe('refcell/double-borrow-fixed')
    expect(live.code.value).toBe(live.step.value.code)
    expect(live.changed.value.length).toBeGreaterThan(0)
    expect(live.shown.value?.stdout).toBe(data.snippets['refcell/double-borrow-fixed']!.run!.stdout)

    live.code.value += '\n// mine'
    await nextTick()
    expect(live.changed.value).toEqual([])
    index.value = 0
    await nextTick()
    expect(live.modified.value).toBe(false)
    index.value = 1
    await nextTick()
    expect(live.code.value).toMatch(/\/\/ mine$/)
    live.reset()
    expect(live.code.value).toBe(live.step.value.code)
  })
})

describe('useLiveSnippet in two windows of one presentation', () => {
  const answer: LiveResponse = { outcome: 'ok', stdout: 'count = 3\n', stderr: '', exitCode: 0, diagnostics: '', durationMs: 5, cached: false, stopped: null, truncated: false }
  afterEach(() => vi.unstubAllGlobals())

  it('shows an edit, a run, its answer and Reset in the other window, both ways', async () => {
    const hub = presentation()
    const presenter = useLiveSnippet('rc/clone-counts', 'counts', { live: true, storage: memory(), board: hub.open() })
    const audience = useLiveSnippet('rc/clone-counts', 'counts', { live: true, storage: memory(), board: hub.open() })
    let release!: () => void
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => {
      release = () => resolve(new Response(JSON.stringify(answer)))
    })))

    presenter.code.value += '\nprintln!("mine");'
    await hub.flush()
    expect(audience.code.value).toBe(presenter.code.value)
    expect(audience.modified.value).toBe(true)

    const run = presenter.run()
    await hub.flush()
    expect(audience.running.value).toBe(true)
    release()
    await run
    await hub.flush()
    expect(audience.running.value).toBe(false)
    expect(audience.shown.value?.stdout).toBe('count = 3\n')
    expect(audience.source.value).toBe('live')

    // The audience window types, the presenter's follows; Reset there resets here.
    audience.code.value = `${audience.code.value}\n// two`
    await hub.flush()
    expect(presenter.code.value).toMatch(/\/\/ two$/)
    presenter.reset()
    await hub.flush()
    expect(audience.code.value).toBe(audience.original.value)
    expect(audience.shown.value?.stdout).toBe(data.snippets['rc/clone-counts']!.run!.stdout)
  })

  it('stops a run from the other window, and drops its answer', async () => {
    const hub = presentation()
    const presenter = useLiveSnippet('rc/clone-counts', 'counts', { live: true, storage: memory(), board: hub.open() })
    const audience = useLiveSnippet('rc/clone-counts', 'counts', { live: true, storage: memory(), board: hub.open() })
    let aborted = false
    vi.stubGlobal('fetch', vi.fn((_url: string, init: RequestInit) => new Promise<Response>((_resolve, reject) => {
      init.signal!.addEventListener('abort', () => {
        aborted = true
        reject(new DOMException('stopped', 'AbortError'))
      })
    })))
    const run = presenter.run()
    await hub.flush()
    expect(audience.running.value).toBe(true)
    audience.stop()
    await hub.flush()
    await run
    await hub.flush()
    expect(aborted).toBe(true)
    expect(presenter.running.value).toBe(false)
    expect(presenter.stopped.value).toBe(true)
    expect(presenter.source.value).toBe('recorded')
  })

  it('resets every live slide, its steps and a run under way, from either window; a slide opened later starts from its step', async () => {
    const hub = presentation()
    const audienceStorage = memory()
    const steps = ['refcell/double-borrow#alias', 'refcell/double-borrow-fixed#fixed']
    const presenter = useLiveSnippet('rc/clone-counts', 'counts', { live: true, storage: memory(), board: hub.open() })
    const board = hub.open()
    const audience = useLiveSnippet('rc/clone-counts', 'counts', { live: true, storage: audienceStorage, board })
    const index = ref(1)
    const second = useLiveSnippet(steps, undefined, { live: true, storage: audienceStorage, index, board })
    vi.stubGlobal('fetch', vi.fn((_url: string, init: RequestInit) => new Promise<Response>((_resolve, reject) => {
      init.signal!.addEventListener('abort', () => reject(new DOMException('stopped', 'AbortError')))
    })))
    presenter.code.value += '\n// one'
    second.code.value += '\n// two'
    await hub.flush()
    const run = presenter.run()
    await hub.flush()
    expect(audience.running.value).toBe(true)
    expect(audience.modified.value && second.modified.value).toBe(true)

    presenter.resetEvery()
    await hub.flush()
    await run
    for (const live of [presenter, audience, second]) {
      expect(live.code.value).toBe(live.original.value)
      expect(live.running.value).toBe(false)
      expect(live.source.value).toBe('recorded')
    }
    // The audience browser's kept edits went too: a slide opened now starts from its step.
    const later = useLiveSnippet(steps, undefined, { live: true, storage: audienceStorage, index: 1, board: alone() })
    expect(later.modified.value).toBe(false)
    // Edits after the reset are kept and shared.
    audience.code.value += '\n// after'
    await hub.flush()
    expect(presenter.code.value).toMatch(/\/\/ after$/)
  })

  it('keeps an edit across a reload, alone or with the presentation\'s board, on the step it was made on', async () => {
    const steps = ['refcell/double-borrow#alias', 'refcell/double-borrow-fixed#fixed']
    const browser = new Map<string, string>()
    const hub = presentation()
    const before = useLiveSnippet(steps, undefined, { live: true, storage: memory(browser), index: 0, board: hub.open() })
    before.code.value += '\n// mine'
    await hub.flush()
    // Reloaded: the slide shows the last step until its clicks are known, then the first.
    for (const board of [alone(), hub.open()]) {
      const index = ref(1)
      const after = useLiveSnippet(steps, undefined, { live: true, storage: memory(browser), index, board })
      index.value = 0
      await nextTick()
      expect(after.code.value).toMatch(/\/\/ mine$/)
      index.value = 1
      await nextTick()
      expect(after.modified.value).toBe(false)
    }
  })

  it('resets every window of one browser: none shows, nor keeps again, the edit it read on load', async () => {
    const browser = new Map<string, string>()
    const earlier = useLiveSnippet('rc/clone-counts', 'counts', { live: true, storage: memory(browser), board: alone() })
    earlier.code.value += '\n// mine'
    await nextTick()
    // Presenter view and the projector, in one browser, opened with the edit kept.
    const hub = presentation()
    const presenter = useLiveSnippet('rc/clone-counts', 'counts', { live: true, storage: memory(browser), board: hub.open() })
    const projector = useLiveSnippet('rc/clone-counts', 'counts', { live: true, storage: memory(browser), board: hub.open() })
    expect(presenter.modified.value && projector.modified.value).toBe(true)
    presenter.resetEvery()
    await hub.flush()
    await nextTick()
    expect(presenter.code.value).toBe(presenter.original.value)
    expect(projector.code.value).toBe(projector.original.value)
    // Reloaded after the reset: the edit is gone from the browser too.
    expect(useLiveSnippet('rc/clone-counts', 'counts', { live: true, storage: memory(browser), board: alone() }).modified.value).toBe(false)
  })

  it('agrees when both windows type at once', async () => {
    const hub = presentation()
    const a = useLiveSnippet('rc/clone-counts', 'counts', { live: false, storage: memory(), board: hub.open() })
    const b = useLiveSnippet('rc/clone-counts', 'counts', { live: false, storage: memory(), board: hub.open() })
    a.code.value = 'from a'
    b.code.value = 'from b'
    await hub.flush()
    expect(a.code.value).toBe(b.code.value)
  })
})
