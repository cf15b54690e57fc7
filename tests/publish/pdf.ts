/**
 * What a published PDF holds, read with poppler's `pdfinfo` and `pdftoppm`.
 */
import { Buffer } from 'node:buffer'
import { run } from '../../scripts/lib/process.ts'

export async function pdfPageCount(file: string): Promise<number> {
  const info = await run('pdfinfo', [file])
  const pages = /^Pages:\s+(\d+)$/m.exec(info.stdout)
  if (info.exitCode !== 0 || !pages)
    throw new Error(`pdfinfo ${file} failed (exit ${info.exitCode}): ${info.stderr}`)
  return Number(pages[1])
}

/** 1-based numbers of the pages whose text says a slide had not loaded when it was printed. */
export async function unloadedPages(file: string, pages: number): Promise<number[]> {
  const text = await run('pdftotext', ['-layout', file, '-'])
  if (text.exitCode !== 0)
    throw new Error(`pdftotext ${file} failed (exit ${text.exitCode}): ${text.stderr}`)
  // pdftotext ends every page with a form feed.
  const texts = text.stdout.split('\f').slice(0, pages)
  return texts.flatMap((t, i) => /Loading slide/.test(t) ? [i + 1] : [])
}

/**
 * Share of a page's pixels that differ clearly from its most common grey:
 * about 0 for a blank page (or one that only says "Loading slide…" in a
 * corner of white), several percent for a slide with a title and code.
 */
export async function pageInk(file: string, page: number): Promise<number> {
  const out = await runBinary('pdftoppm', ['-f', String(page), '-l', String(page), '-r', '24', '-gray', file])
  const pgm = parsePgm(out)
  const histogram = new Uint32Array(256)
  for (const v of pgm.pixels)
    histogram[v]!++
  const mode = histogram.indexOf(Math.max(...histogram))
  let ink = 0
  for (let v = 0; v < 256; v++) {
    if (Math.abs(v - mode) > 24)
      ink += histogram[v]!
  }
  return ink / pgm.pixels.length
}

function parsePgm(data: Buffer): { width: number, height: number, pixels: Uint8Array } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+\d+\s/.exec(data.subarray(0, 64).toString('latin1'))
  if (!header)
    throw new Error('pdftoppm did not write a PGM image')
  const width = Number(header[1])
  const height = Number(header[2])
  return { width, height, pixels: new Uint8Array(data.subarray(header[0].length, header[0].length + width * height)) }
}

async function runBinary(command: string, args: string[]): Promise<Buffer> {
  const { spawn } = await import('node:child_process')
  return new Promise((resolve, reject) => {
    const child = spawn(command, args)
    const chunks: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => chunks.push(c))
    child.on('error', reject)
    child.on('close', code => code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${command} ${args.join(' ')} exited ${code}`)))
  })
}
