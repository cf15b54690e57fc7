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
