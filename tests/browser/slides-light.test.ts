/**
 * Every slide of the nine topic decks and the lesson, at its last click
 * step, in light mode: the legibility rule, every glyph in a font the kit
 * bundles, axe (WCAG 2 A/AA), text alternatives for diagrams, no motion
 * under reduced motion, and the light reference screenshots with their
 * tolerance. The walk and what it proves: `slide-walk.ts`.
 */
import { walkSlides } from './slide-walk.ts'

walkSlides('light')
