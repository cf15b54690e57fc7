/** Slidev reads its Vite plugins from here; the kit's list lives in the adapter. */
export { default } from '../adapter/slidev/vite-plugins.ts'
