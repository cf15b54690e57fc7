import { describe, expect, it } from 'vitest'
import { sortDiagnostics } from './typecheck.ts'

describe('sortDiagnostics', () => {
  it('keeps the kit\'s diagnostics whole, and counts Slidev\'s own', () => {
    const output = [
      'node_modules/@slidev/client/composables/useNav.ts(231,5): error TS2322: Type \'ComputedRef<SlideRoute | undefined>\' is not assignable to type \'ComputedRef<SlideRoute>\'.',
      '  Type \'SlideRoute | undefined\' is not assignable to type \'SlideRoute\'.',
      'components/LessonParts.vue(17,84): error TS18046: \'route.meta.slide\' is of type \'unknown\'.',
      'components/X.vue(1,1): error TS2322: Type \'string\' is not assignable to type \'number\'.',
      '  The expected type comes from property \'n\'.',
      'node_modules/@slidev/client/utils.ts(16,35): error TS7016: Could not find a declaration file for module \'file-saver\'.',
      '',
    ].join('\n')
    expect(sortDiagnostics(output)).toEqual({
      kit: [
        'components/LessonParts.vue(17,84): error TS18046: \'route.meta.slide\' is of type \'unknown\'.',
        'components/X.vue(1,1): error TS2322: Type \'string\' is not assignable to type \'number\'.\n  The expected type comes from property \'n\'.',
      ],
      slidev: 2,
      other: [],
    })
  })

  it('keeps what is not a diagnostic, so a crash is not taken for a clean check', () => {
    expect(sortDiagnostics('error TS5058: The specified path does not exist: \'tsconfig.json\'.\n').other).toHaveLength(1)
  })

  it('counts a diagnostic in another package\'s sources as the kit\'s', () => {
    expect(sortDiagnostics('node_modules/other/x.ts(1,1): error TS2304: Cannot find name \'a\'.\n').kit).toHaveLength(1)
  })
})
