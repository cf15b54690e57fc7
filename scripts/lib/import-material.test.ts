import { describe, expect, it } from 'vitest'
import { binEntries, checkTargetDir, firstChangedLines, manifestEdition } from './cargo.ts'
import { brokenAs, brokenHolds, quotable, transcriptStdout } from './import-material.ts'

describe('transcriptStdout', () => {
  it('leaves out what the program wrote to stderr: dbg! lines and lines its run printed there', () => {
    const recorded = '[src/main.rs:3:19] *boxed * 2 = 24\ndoubled: 24\nwarning sent\ndone\n'
    expect(transcriptStdout(recorded, 'warning sent\n')).toEqual({ stdout: 'doubled: 24\ndone\n', removed: 2 })
  })
  it('keeps empty output empty', () => {
    expect(transcriptStdout('', '')).toEqual({ stdout: '', removed: 0 })
  })
})

describe('the other edition\'s compile errors, as expect-<other>: declares them', () => {
  const letChains = { code: null, message: 'let chains are only allowed in Rust 2024 or later' }
  it('declares the codes, and the message of an error without a code', () => {
    expect(brokenAs([{ code: 'E0499', message: 'cannot borrow `s` as mutable more than once at a time' }, { code: 'E0382', message: 'borrow of moved value' }], false)).toEqual({ kind: 'compile-error', codes: ['E0382', 'E0499'] })
    expect(brokenAs([letChains, letChains], false)).toEqual({ kind: 'compile-error', codes: [], message: 'let chains are only allowed in Rust 2024 or later' })
    expect(brokenAs([{ code: 'E0596', message: 'cannot borrow' }], true)).toEqual({ kind: 'compile-error', codes: ['E0596'], test: true })
  })
  it('holds a promise as the check judges one: any error, exactly the codes, a message that some error contains and every uncoded one', () => {
    expect(brokenHolds({ kind: 'compile-error', codes: [] }, [letChains])).toBe(true)
    expect(brokenHolds({ kind: 'compile-error', codes: ['E0499'] }, [{ code: 'E0499', message: 'x' }])).toBe(true)
    expect(brokenHolds({ kind: 'compile-error', codes: ['E0499'] }, [{ code: 'E0499', message: 'x' }, { code: 'E0502', message: 'y' }])).toBe(false)
    expect(brokenHolds({ kind: 'compile-error', codes: ['E0499'] }, [{ code: 'E0499', message: 'x' }, letChains])).toBe(false)
    expect(brokenHolds({ kind: 'compile-error', codes: [], message: 'let chains' }, [letChains])).toBe(true)
  })
  it('quotes the first line of a message, up to any double quote', () => {
    expect(quotable('worker failed\nmore')).toBe('worker failed')
    expect(quotable('expected "a" here')).toBe('expected')
    expect(quotable('"quoted"')).toBeNull()
    expect(quotable(null)).toBeNull()
  })
})

describe('firstChangedLines', () => {
  it('names the first changed line, after the hunk\'s context lines', () => {
    const out = 'Diff in /k/snippets/rc/src/bin/a.rs:3:\n     let b = 2;\n     let c = 3;\n     let d = 4;\n-    let x   = 1;\n+    let x = 1;\n     println!("{x}");\nDiff in /k/snippets/rc/src/bin/a.rs:20:\n-  y\n+    y\nDiff in /k/snippets/rc/src/bin/b.rs:1:\n-fn main(){}\n+fn main() {}\n'
    expect(firstChangedLines(out)).toEqual(new Map([['/k/snippets/rc/src/bin/a.rs', 6], ['/k/snippets/rc/src/bin/b.rs', 1]]))
  })
})

describe('binEntries', () => {
  it('reads each [[bin]] entry\'s name, path and own edition', () => {
    const toml = '[package]\nname = "lesson-rc"\nedition.workspace = true\n\n[[bin]]\nname = "rc-exercise"\npath = "src/bin/exercise.rs"\n\n# kept\n[[bin]]\nname = "rc-ch1-2"\npath = "src/bin/ch1-2.rs"\nedition = "2024"\n'
    expect(binEntries(toml)).toEqual([
      { name: 'rc-exercise', path: 'src/bin/exercise.rs', edition: null },
      { name: 'rc-ch1-2', path: 'src/bin/ch1-2.rs', edition: '2024' },
    ])
    expect(manifestEdition(toml, 'package')).toBeNull()
    expect(manifestEdition('[package]\nedition = "2021"\n\n[[bin]]\nname = "a"\npath = "a.rs"\nedition = "2024"\n', 'package')).toBe('2021')
  })
})

describe('checkTargetDir', () => {
  it('builds under CARGO_TARGET_DIR when it is set, else under snippets/target', () => {
    const before = process.env.CARGO_TARGET_DIR
    try {
      delete process.env.CARGO_TARGET_DIR
      expect(checkTargetDir('/k/snippets')).toBe('/k/snippets/target/check')
      process.env.CARGO_TARGET_DIR = '/fast/target'
      expect(checkTargetDir('/k/snippets')).toBe('/fast/target/check')
      process.env.CARGO_TARGET_DIR = 'build'
      expect(checkTargetDir('/k/snippets', 'import')).toBe('/k/snippets/build/import')
    }
    finally {
      if (before === undefined)
        delete process.env.CARGO_TARGET_DIR
      else process.env.CARGO_TARGET_DIR = before
    }
  })
})
