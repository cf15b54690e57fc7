import type { Buffer } from 'node:buffer'
import type { Page } from 'playwright-core'
/**
 * How the browser tests compare a screenshot with its reference: a tolerance
 * that font hinting and antialiasing stay under and that a real change (a
 * different font, a wrapped line, a diagram drawn smaller) exceeds. Proved
 * both ways by `screenshot-diff.test.ts`.
 */

/** A pixel matches another when no channel moves more than this (antialiasing moves less). */
export const PIXEL_THRESHOLD = 40
/** How far a pixel may have moved and still match: hinting moves a glyph's edge by one. */
export const SHIFT_PX = 1
/** A screenshot matches when at most this share of its pixels differ. */
export const MAX_DIFF_SHARE = 0.002

// Runs in the page; kept as source text (see legibility.ts).
export const DIFFERENCE = `(async ([a, b, threshold, shift]) => {
  const load = async (b64) => createImageBitmap(await (await fetch('data:image/png;base64,' + b64)).blob())
  const [x, y] = [await load(a), await load(b)]
  if (x.width !== y.width || x.height !== y.height)
    return 1
  const w = x.width, h = x.height
  const pixels = (img) => {
    const canvas = new OffscreenCanvas(w, h)
    const ctx = canvas.getContext('2d')
    ctx.drawImage(img, 0, 0)
    return ctx.getImageData(0, 0, w, h).data
  }
  const [p, q] = [pixels(x), pixels(y)]
  const near = (from, to, i, px, py) => {
    for (let dy = -shift; dy <= shift; dy++) {
      const yy = py + dy
      if (yy < 0 || yy >= h) continue
      for (let dx = -shift; dx <= shift; dx++) {
        const xx = px + dx
        if (xx < 0 || xx >= w) continue
        const j = (yy * w + xx) * 4
        if (Math.abs(from[i] - to[j]) <= threshold && Math.abs(from[i + 1] - to[j + 1]) <= threshold && Math.abs(from[i + 2] - to[j + 2]) <= threshold)
          return true
      }
    }
    return false
  }
  let differ = 0
  for (let py = 0; py < h; py++) {
    for (let px = 0; px < w; px++) {
      const i = (py * w + px) * 4
      if (Math.abs(p[i] - q[i]) <= threshold && Math.abs(p[i + 1] - q[i + 1]) <= threshold && Math.abs(p[i + 2] - q[i + 2]) <= threshold)
        continue
      if (!near(p, q, i, px, py) || !near(q, p, i, px, py))
        differ++
    }
  }
  return differ / (w * h)
})`

/**
 * Share of pixels that differ between two PNGs of the same size, compared in
 * the page. A pixel differs when no pixel within `SHIFT_PX` of it in the other
 * image is within `PIXEL_THRESHOLD` on every channel, both ways: hinting and
 * antialiasing move a glyph's edge by a pixel, which this does not count; a
 * different font, a wrapped line or a resized diagram moves whole shapes.
 */
export async function difference(page: Page, a: Buffer, b: Buffer, shift = SHIFT_PX): Promise<number> {
  return page.evaluate(`${DIFFERENCE}(${JSON.stringify([a.toString('base64'), b.toString('base64'), PIXEL_THRESHOLD, shift])})`) as Promise<number>
}
