/**
 * Every slide of the nine topic decks and the lesson, at its last click
 * step, in dark mode: the legibility rule (neutral body text included), axe
 * (WCAG 2 A/AA), text alternatives for diagrams, no motion under reduced
 * motion, and the dark reference screenshots. The walk and what it proves:
 * `slide-walk.ts`.
 */
import { walkSlides } from './slide-walk.ts'

walkSlides('dark')
