import type { ComputedRef, MaybeRefOrGetter, Ref } from 'vue'
import type { Attempt, QuizModel, QuizSpec, StoredAnswer } from '../../core/quiz.ts'
import { models } from 'virtual:quizzes'
import { computed, onMounted, ref, toValue } from 'vue'
import { useNav } from '../../adapter/slidev/client.ts'
import { QUIZ_STORAGE_PREFIX, quizId, recordAttempt, retryAttempt, shownAnswer } from '../../core/quiz.ts'

/** `class`: the dev server, the presenter asks for hands and reveals on a click. `learner`: the published site, the learner picks. `print`: a PDF, the question only. */
export type QuizMode = 'class' | 'learner' | 'print'

export interface UseQuizReturn {
  model: ComputedRef<QuizModel>
  mode: ComputedRef<QuizMode>
  /** Index of the choice selected and not yet checked, or null. */
  selected: Ref<number | null>
  /** The learner's checked answer on show (kept in the browser), or null. */
  answer: Ref<Attempt | null>
  /** The learner chose to see the answer without answering (not kept). */
  shown: Ref<boolean>
  /** Keeps the selected choice as the answer. */
  check: () => void
  /** Clears the answer on show, to try again; the first attempt stays in the progress. */
  reset: () => void
  /** Shows the real outcome without answering. */
  show: () => void
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  }
  catch {
    return null
  }
}

function printing(): ComputedRef<boolean> {
  try {
    const nav = useNav()
    return computed(() => nav.isPrintMode.value)
  }
  catch {
    return computed(() => false)
  }
}

/** A question as the build worked it out from the check's captures (`virtual:quizzes`); one it did not is an error. */
export function useQuiz(spec: MaybeRefOrGetter<QuizSpec>, options: { classroom?: boolean } = {}): UseQuizReturn {
  const model = computed(() => {
    const s = toValue(spec)
    const built: QuizModel | undefined = models[quizId(s)]
    if (!built)
      throw new Error(`<Quiz snippet="${s.snippet}">: the build worked out no such question; restart the dev server after \`npm run check\``)
    return built
  })
  const print = printing()
  const classroom = options.classroom ?? import.meta.env.DEV
  const mode = computed<QuizMode>(() => print.value ? 'print' : classroom ? 'class' : 'learner')
  const key = computed(() => QUIZ_STORAGE_PREFIX + quizId(toValue(spec)))
  const selected = ref<number | null>(null)
  const answer = ref<Attempt | null>(null)
  const shown = ref(false)
  const read = (): StoredAnswer | null => {
    try {
      return JSON.parse(storage()?.getItem(key.value) ?? 'null') as StoredAnswer | null
    }
    catch {
      return null
    }
  }

  onMounted(() => {
    const kept = shownAnswer(read())
    // An answer to choices that changed since is not shown.
    if (kept && model.value.choices.some(c => c.text === kept.picked))
      answer.value = kept
  })

  return {
    model,
    mode,
    selected,
    answer,
    shown,
    check() {
      const choice = selected.value === null ? undefined : model.value.choices[selected.value]
      if (!choice)
        return
      answer.value = { picked: choice.text, correct: choice.correct }
      storage()?.setItem(key.value, JSON.stringify(recordAttempt(read(), answer.value)))
    },
    reset() {
      answer.value = null
      selected.value = null
      shown.value = false
      const kept = retryAttempt(read())
      if (kept)
        storage()?.setItem(key.value, JSON.stringify(kept))
    },
    show() {
      shown.value = true
    },
  }
}
