import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pdfPrinter, printPdf } from './pdf.ts'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pdf-'))
  await writeFile(join(dir, 'index.html'), '<title>rc</title>')
})

afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('the PDF printer', () => {
  it('fails naming the Chromium it could not launch, writes no PDF, and closes', async () => {
    const printer = pdfPrinter(join(dir, 'no-chromium'))
    const output = join(dir, 'rc.pdf')
    await expect(printPdf(dir, 'rc', output, printer)).rejects.toThrow(join(dir, 'no-chromium'))
    expect(existsSync(output)).toBe(false)
    await expect(printer.close()).resolves.toBeUndefined()
  })

  it('refuses a deck that was not built, before launching anything', async () => {
    const printer = pdfPrinter(join(dir, 'no-chromium'))
    await expect(printPdf(join(dir, 'missing'), 'rc', join(dir, 'rc.pdf'), printer)).rejects.toThrow('PDF of slides/rc.md: no built deck in')
  })
})
