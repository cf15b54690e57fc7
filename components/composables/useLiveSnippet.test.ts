import type { EditStorage } from '../../core/live-store.ts'
import data from 'virtual:snippets'
import { describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import { useLiveSnippet } from './useLiveSnippet.ts'

function memory(): EditStorage {
  const map = new Map<string, string>()
  return { getItem: k => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: k => void map.delete(k) }
}

describe('useLiveSnippet without a server (a built deck)', () => {
  it('shows the recorded run of the original, and for an edit a Playground link instead', async () => {
    const storage = memory()
    const live = useLiveSnippet('rc/clone-counts', 'counts', { live: false, storage })
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
    const again = useLiveSnippet('rc/clone-counts', 'counts', { live: false, storage })
    expect(again.code.value).toContain('println!("mine");')
    again.reset()
    expect(again.code.value).toBe(again.original.value)
    expect(useLiveSnippet('rc/clone-counts', 'counts', { live: false, storage }).modified.value).toBe(false)
  })
})

describe('useLiveSnippet with steps', () => {
  it('plays each step with its capture, keeps an edit per step, and Reset returns to the step', async () => {
    const storage = memory()
    const index = ref(0)
    const steps = ['refcell/double-borrow', 'refcell/double-borrow-fixed#fixed']
    const live = useLiveSnippet(steps, 'alias', { live: false, storage, index })
    expect(live.step.value.id).toBe('refcell/double-borrow')
    expect(live.shown.value?.stderr).toBe(data.snippets['refcell/double-borrow']!.run!.stderr)
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
