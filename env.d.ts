/// <reference types="vite/client" />

declare module 'virtual:snippets' {
  import type { GeneratedData } from './core/snippet-data.ts'

  const data: GeneratedData
  export default data
}

declare module 'virtual:quizzes' {
  import type { QuizModel, QuizSpec } from './core/quiz.ts'

  const quizzes: Record<string, QuizSpec[]>
  export default quizzes
  /** Each question worked out at build time, by `quizId`. */
  export const models: Record<string, QuizModel>
}

declare module 'virtual:deck' {
  const deck: { id: string | null }
  export default deck
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'

  const component: DefineComponent<object, object, unknown>
  export default component
}

/** HarfBuzz's hb-subset for Node (`scripts/lib/vite-text-fonts.ts`). */
declare module 'subset-font' {
  import type { Buffer } from 'node:buffer'

  export default function subsetFont(font: Uint8Array, text: string, options?: {
    targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2'
    preserveNameIds?: number[]
    keepFeatures?: string[]
    variationAxes?: Record<string, number | { min: number, max: number, default?: number }>
    noLayoutClosure?: boolean
  }): Promise<Buffer>
}

/** Font format conversion (`scripts/lib/vite-symbols.ts`), what `subset-font` converts with. */
declare module 'fontverter' {
  import type { Buffer } from 'node:buffer'

  export function convert(font: Uint8Array, to: 'sfnt' | 'truetype' | 'woff' | 'woff2', from?: string): Promise<Buffer>
}
