/**
 * `npm run new-topic -- <id> "<title>"`, as a function: everything a topic
 * needs, written in one go. The crate (an exercise starter with its tests
 * and a stretch goal, and its solution), the deck (a title slide and the
 * exercise, with minutes, a budget, the learner's text and notes), the
 * declaration in core/topics.ts, and the lesson's `src:` include (markdown
 * Slidev reads, so the one registration that stays hand-written). The
 * workspace takes the crate by its glob, and the index, schedule and deck
 * list derive from the declaration. Every file is prepared first; nothing
 * is written unless all of it can be.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { LessonError } from '../../core/errors.ts'
import { markerLine } from '../../core/snippet-source.ts'
import { LESSON_ID } from '../../core/topics.ts'
import { TOPICS_FILE } from './topics-check.ts'

/** Lower-case words joined by hyphens: it names a folder, a crate, a URL and a snippet id prefix. */
export const TOPIC_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/

export interface NewTopicFile {
  /** Path from the kit's root. */
  path: string
  text: string
  /** True when the file exists and is changed, false when it is created. */
  edit: boolean
}

/** The files to write for topic `id`, or an error saying why none may be. */
export async function planTopic(root: string, id: string, title: string): Promise<NewTopicFile[]> {
  if (!TOPIC_ID.test(id))
    throw new LessonError(`\`${id}\` is not a topic id: use lower-case letters, digits and single hyphens, starting with a letter (e.g. \`cow\`, \`pin-and-unpin\`)`)
  const cleanTitle = title.trim()
  if (!cleanTitle || /[\n\r]/.test(cleanTitle))
    throw new LessonError('the title is one line of text, e.g. "Cow<T>: clone on write"')
  if (id === LESSON_ID)
    throw new LessonError(`\`${id}\` is the whole lesson's deck; pick another id`)
  for (const taken of [`slides/${id}.md`, `snippets/${id}`]) {
    if (existsSync(join(root, taken)))
      throw new LessonError(`topic \`${id}\` cannot be added: ${taken} already exists`)
  }
  const read = async (path: string) => {
    if (!existsSync(join(root, path)))
      throw new LessonError(`${path} does not exist: run this in the kit's root`)
    return readFile(join(root, path), 'utf8')
  }
  const topics = await read(TOPICS_FILE)
  if (topics.includes(`id: '${id}'`))
    throw new LessonError(`topic \`${id}\` is already declared in ${TOPICS_FILE}`)

  const numbers = [...topics.matchAll(/number: '(\d+(?:\.\d+)*)\.(\d+)'/g)]
  const last = numbers.at(-1)
  const number = last ? `${last[1]}.${Number(last[2]) + 1}` : '1'
  const files: NewTopicFile[] = [
    { path: TOPICS_FILE, text: addTopic(topics, id, number, cleanTitle), edit: true },
    { path: `slides/${LESSON_ID}.md`, text: addToLesson(await read(`slides/${LESSON_ID}.md`), id), edit: true },
    { path: `snippets/${id}/Cargo.toml`, text: crateManifest(id, number, cleanTitle), edit: false },
    { path: `snippets/${id}/src/bin/exercise.rs`, text: starter(id, cleanTitle), edit: false },
    { path: `snippets/${id}/src/bin/exercise-solution.rs`, text: solution(), edit: false },
    { path: `slides/${id}.md`, text: deck(id, number, cleanTitle), edit: false },
  ]
  return files
}

export async function writeTopic(root: string, files: readonly NewTopicFile[]): Promise<void> {
  for (const f of files) {
    await mkdir(dirname(join(root, f.path)), { recursive: true })
    await writeFile(join(root, f.path), f.text)
  }
}

/** A line in `TOPICS` after the last one. */
function addTopic(text: string, id: string, number: string, title: string): string {
  const start = text.indexOf('export const TOPICS')
  const end = start < 0 ? -1 : text.indexOf('\n]', start)
  if (end < 0)
    throw new LessonError(`${TOPICS_FILE}: cannot find the \`TOPICS\` list to add \`${id}\` to`)
  const quoted = `'${title.replace(/\\/g, '\\\\').replace(/'/g, '\\\'')}'`
  return `${text.slice(0, end)}\n  { id: '${id}', number: '${number}', title: ${quoted} },${text.slice(end)}`
}

/** Minutes a new topic's deck plans: its cover and a 10-minute exercise block (the pace rules). */
const NEW_TOPIC_BUDGET = 11

/** A `src:` slide after the last topic the lesson includes. */
function addToLesson(text: string, id: string): string {
  const lines = text.split('\n')
  let last = -1
  lines.forEach((l, i) => {
    if (/^topic:\s*\S/.test(l))
      last = i
  })
  if (last < 0)
    throw new LessonError(`slides/${LESSON_ID}.md: no slide includes a topic deck (\`src:\` with \`topic:\`), so the new one has no place`)
  let close = last + 1
  while (close < lines.length && lines[close]!.trim() !== '---') close++
  lines.splice(close + 1, 0, '', '---', `src: ./${id}.md`, `topic: ${id}`, '---')
  // The lesson's total grows by the new deck's budget, so the lesson still fits it.
  const budget = lines.findIndex(l => /^budget:\s*\d+(?:\.\d+)?\s*$/.test(l))
  if (budget >= 0 && lines.slice(0, budget).filter(l => l.trim() === '---').length === 1)
    lines[budget] = `budget: ${Number(lines[budget]!.replace(/^budget:\s*/, '')) + NEW_TOPIC_BUDGET}`
  return lines.join('\n')
}

function crateManifest(id: string, number: string, title: string): string {
  return `[package]
name = "lesson-${id}"
description = ${JSON.stringify(`Snippets for the \`${id}\` topic (${number} ${title})`)}
edition.workspace = true
publish.workspace = true
version.workspace = true

[dependencies]
trace.workspace = true

# Distinct binary names keep the crates' exercises apart in target/.
[[bin]]
name = "${id}-exercise"
path = "src/bin/exercise.rs"

[[bin]]
name = "${id}-exercise-solution"
path = "src/bin/exercise-solution.rs"
`
}

function starter(id: string, title: string): string {
  return `//! expect: test-fails "not yet implemented"
//!
//! Exercise: ${title.replace(/`/g, '')}.
//!
//! Write \`answer\` so that \`main\` prints 42.
//!
//! Done when \`cargo test\` passes.
//!
//! Stretch: \`question\` gives the question that 42 answers, ending with a
//! question mark (\`cargo test -- --ignored\`).

${markerLine('start', 'starter')}
fn answer() -> u32 {
    todo!("the answer")
}
${markerLine('end', 'starter')}

fn question() -> String {
    todo!("stretch goal: the question")
}

/// The stretch goal runs only when asked: \`cargo run -p ${id}-exercise -- stretch\`.
fn stretch() -> bool {
    std::env::args().any(|arg| arg == "stretch")
}

fn main() {
    println!("{}", answer());
    if stretch() {
        println!("{}", question());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers() {
        assert_eq!(answer(), 42);
    }

    #[test]
    #[ignore = "stretch goal"]
    fn asks() {
        assert!(question().ends_with('?'));
    }
}
`
}

function solution(): string {
  return `//! expect: tests
//! support: exercise solution, published with the exercises

fn answer() -> u32 {
    42
}

fn question() -> String {
    String::from("What is six times seven?")
}

fn main() {
    println!("{}", answer());
    println!("{}", question());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers() {
        assert_eq!(answer(), 42);
    }

    #[test]
    fn asks() {
        assert!(question().ends_with('?'));
    }
}
`
}

function deck(id: string, number: string, title: string): string {
  return `---
theme: ../adapter/slidev/theme
title: ${JSON.stringify(`${number} ${title}`)}
info: Lesson 2.2 — Advanced Memory Management in Rust. Topic ${number}.
objectives:
  - ${JSON.stringify(`Say what ${title.replace(/`/g, '')} is for`)}
layout: cover
budget: ${NEW_TOPIC_BUDGET}
minutes: 1
---

# ${title}

Topic ${number} · Lesson 2.2 Advanced Memory Management

<!--
Open with the question this topic answers.
-->

---
section: Practice
minutes: 10
exercise: true
---

# Exercise

<<< @/../snippets/${id}/src/bin/exercise.rs#starter rust

\`cargo test -p ${id}-exercise\` in the starter workspace: <SnippetProof snippet="${id}/exercise" />

**Stretch:** \`question\` (\`-- --ignored\`)

<Learn>

Download the starter workspace from the exercises page. In it, \`cargo test -p ${id}-exercise\` fails with "not yet implemented" until \`answer\` is written; then \`cargo run -p ${id}-exercise\` prints its answer.

The stretch goal, \`question\`, is tested by an \`#[ignore]\`d test: run it with \`cargo test -p ${id}-exercise -- --ignored\`, and \`cargo run -p ${id}-exercise -- stretch\` prints the question too.

</Learn>

<!--
A 10-minute block. \`cargo test -p ${id}-exercise\` fails with "not yet implemented" until \`answer\` is written (proved by the check). The solution and its tests are \`snippets/${id}/src/bin/exercise-solution.rs\`.
-->
`
}
