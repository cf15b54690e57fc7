/**
 * Phrases from the speaker notes of every deck, to look for in a learner
 * build: none may appear there.
 */
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseDeck } from '../../adapter/slidev/parser.ts'
import { listDeckIds } from '../../scripts/lib/decks.ts'
import { lessonModelPath, readLessonModel } from '../../scripts/lib/lesson-model.ts'

export interface NotePhrase {
  /** `slides/rc.md:12` */
  where: string
  phrase: string
}

/** Letters, spaces and commas only, so the phrase survives markdown and HTML escaping. */
export function notePhrase(note: string): string | null {
  const runs = note.match(/[A-Z][A-Z ,]*[A-Z]/gi) ?? []
  const longest = runs.reduce((a, b) => b.length > a.length ? b : a, '')
  return longest.length >= 16 ? longest.slice(0, 40) : null
}

/**
 * How many `[click]` markers a note has (the pace rules' own count):
 * Slidev's presenter view shows the text before the first marker at the
 * slide's first step and moves on at each marker, so a slide with n clicks
 * wants n markers.
 */
export { clickMarkers } from '../../core/pace.ts'

export async function notePhrases(root: string): Promise<NotePhrase[]> {
  const dir = join(root, 'slides')
  const phrases: NotePhrase[] = []
  // A note may quote its slide or rustc's captured output (which the decks
  // bundle); a phrase found there proves nothing.
  const model = lessonModelPath(root)
  let shown = existsSync(model) ? JSON.stringify(readLessonModel(root).snippets) : ''
  for (const file of listDeckIds(root).map(id => `${id}.md`)) {
    const md = parseDeck(await readFile(join(dir, file), 'utf8'), file)
    for (const slide of md.slides) {
      shown += `${slide.content}\n${slide.frontmatterRaw ?? ''}\n`
      const phrase = slide.note ? notePhrase(slide.note) : null
      if (phrase)
        phrases.push({ where: `slides/${file}:${slide.end}`, phrase })
    }
  }
  return phrases.filter(p => !shown.includes(p.phrase))
}
