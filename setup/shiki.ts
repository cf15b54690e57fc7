/** Slidev reads its Shiki setup from here; the kit's lives in the adapter. */
export { default } from '../adapter/slidev/shiki.ts'
