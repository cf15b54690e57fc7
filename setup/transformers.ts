/** Slidev reads its markdown transformers from here; the kit's live in the adapter. */
export { default } from '../adapter/slidev/transformers.ts'
