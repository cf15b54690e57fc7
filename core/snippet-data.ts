/**
 * The shape of what `npm run check` captures from each snippet's real run,
 * written into the lesson model (`generated/lesson-model.json`) and read by decks and components
 * through the `virtual:snippets` module. No Node or Vue imports: both the
 * scripts and the browser use this file.
 */

/** What a snippet promises, declared in its `//! expect:` header line. */
export type Expectation
  /** Exits 0; stdout equals `expected/<name>.stdout` unless `varies`. */
  = | { kind: 'runs', varies: boolean }
  /** Its `#[test]`s pass. */
    | { kind: 'tests' }
  /**
   * rustc rejects it with exactly these error codes (none when only a message
   * is given) and, with `message`, an error whose message contains it; with
   * `test`, it compiles as a program and is rejected only when compiled for tests.
   * With neither codes nor a message (rustdoc's `compile_fail`), any error keeps it.
   */
    | { kind: 'compile-error', codes: string[], message?: string, test?: true }
  /** Panics; with `message`, the panic message contains it. */
    | { kind: 'panics', message?: string }
  /** Compiles lint-clean (rustdoc's `no_run`); never run. */
    | { kind: 'builds' }
  /** Shown as its source has it, never compiled, run or judged (rustdoc's `ignore`). */
    | { kind: 'ignore' }
  /** Its `#[test]`s run and at least one fails with a message containing `message`. */
    | { kind: 'test-fails', message: string }

export type ExpectationKind = Expectation['kind']

/** One rustc diagnostic, as rustc rendered it (paths relative to `snippets/`). */
export interface Diagnostic {
  /** `error`, `warning`, … */
  level: string
  /** The error code, e.g. `E0499`, when rustc gives one. */
  code: string | null
  /** The one-line message. */
  message: string
  /** rustc's full human rendering, with ANSI colours. */
  rendered: string
  /** The code each part of the message points at (lines are 1-based). */
  spans: DiagnosticSpan[]
}

/** A place in the snippet a diagnostic points at, with rustc's label for it. */
export interface DiagnosticSpan {
  /** Path from `snippets/`, e.g. `rc/fail/x.rs`. */
  file: string
  lineStart: number
  lineEnd: number
  /** 1-based columns, as rustc counts characters. */
  columnStart: number
  columnEnd: number
  /** e.g. `borrowed value does not live long enough`. */
  label: string | null
  /** The span the message is about, as opposed to context. */
  primary: boolean
}

/** What running the program printed, normalised to be the same on every machine. */
export interface RunCapture {
  stdout: string
  stderr: string
  /** The exit code; `null` when the process was killed. */
  exitCode: number | null
  timedOut: boolean
}

/** The snippet's unit tests, run from the test binary cargo built. */
export interface TestCapture {
  passed: number
  failed: number
  /** The test binary's output, kept when a test failed. */
  output: string
  /** Each test the runner reported, in its order (`test name ... ok`). */
  results?: TestOutcome[]
}

/** One test as the test runner reported it. */
export interface TestOutcome {
  /** e.g. `tests::it_sends_an_over_75_percent_warning_message`. */
  name: string
  outcome: 'ok' | 'FAILED' | 'ignored'
  /** For a failed test: its panic message, else what it printed under `---- name stdout ----`. */
  message: string | null
}

/** One line of a recording made by the `trace` crate. */
export type RawTraceEvent = Record<string, unknown> & { seq: number, ev: string }

/** Everything the check knows about one snippet. */
export interface SnippetResult {
  /** `<topic>/<file name without .rs>`, e.g. `rc/clone-counts`. */
  id: string
  topic: string
  /** Path from the repository root, e.g. `snippets/rc/src/bin/clone-counts.rs`. */
  file: string
  /** The snippet file's text, as compiled (for components that show code lines). */
  source: string
  expectation: Expectation
  /** What a learner types in `snippets/` to see the same thing, e.g. `cargo run -q --bin clone-counts`. */
  command: string
  /** Set when the snippet is support code that no slide needs to show; the reason. */
  support: string | null
  /** `unjudged` for `expect: ignore`: shown, never compiled or run. */
  status: 'passed' | 'failed' | 'unjudged'
  /** One message per broken promise, each starting with `file:line`. */
  failures: string[]
  /** What the check found worth saying about a kept promise (tests that failed as promised, lints allowed). */
  notes?: string[]
  /** Hash of everything the result depends on; equal keys may reuse the result. */
  key: string
  durationMs: number
  run: RunCapture | null
  diagnostics: Diagnostic[]
  tests: TestCapture | null
  /** The recording, when the snippet calls the `trace` crate. */
  trace: RawTraceEvent[] | null
  /** The edition it is shown in, compiled and formatted in. */
  edition?: '2021' | '2024'
  /** What it does under the other edition, which the check judged too. */
  other?: OtherEditionResult
}

/** A snippet under its other edition: compiled alone with `rustc --edition`, and run as its promise there says. */
export interface OtherEditionResult {
  edition: '2021' | '2024'
  /** The promise there: `expect-<edition>:` when declared, else the snippet's own. */
  expectation: Expectation
  /** Whether the header declares a different outcome there (slides showing it must say so). */
  declared: boolean
  compiled: boolean
  run: RunCapture | null
  /** Its errors (lints are judged in the snippet's own edition only). */
  diagnostics: Diagnostic[]
  tests: TestCapture | null
}

/** Every capture of one check: the lesson model's `rustc` and `snippets` (`generated/lesson-model.json`, core/lesson-model.ts). */
export interface GeneratedData {
  /** `rustc --version` of the toolchain that produced every capture. */
  rustc: string
  snippets: Record<string, SnippetResult>
}
