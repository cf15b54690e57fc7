/**
 * The live-run endpoint under abuse: more than 200 bad or hostile requests
 * against a real dev server presenting a deck. Each must get a clear JSON
 * answer (or, for hostile programs, be stopped by a limit), the machine
 * must be left clean, and the deck must keep being served throughout.
 */
import type { DevServer } from './dev-server.ts'
import { Buffer } from 'node:buffer'
import { readdirSync, readFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LIVE_RUN_PATH } from '../../core/live-contract.ts'
import { createSandbox } from '../../scripts/lib/live/sandbox.ts'
import { sharedDevServer } from './dev-server.ts'

interface Sent {
  method?: string
  path?: string
  /** Header values; `null` leaves the header out. */
  headers?: Record<string, string | null>
  body?: Buffer | string
  /** Send without Content-Length (chunked). */
  chunked?: boolean
}

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
  json: any
}

let server: DevServer
let sent = 0
const polls: Array<{ ok: boolean, ms: number, at: number, error?: string }> = []
let polling: ReturnType<typeof setInterval> | undefined

function send(options: Sent = {}): Promise<Answer> {
  sent++
  const headers: Record<string, string> = {}
  const defaults: Record<string, string | null> = {
    'host': `localhost:${server.port}`,
    'origin': server.origin,
    'content-type': 'application/json',
  }
  for (const [name, value] of Object.entries({ ...defaults, ...options.headers })) {
    if (value !== null)
      headers[name] = value
  }
  const body = options.body === undefined ? undefined : Buffer.from(options.body)
  if (body && !options.chunked)
    headers['content-length'] = String(body.length)
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method: options.method ?? 'POST', path: options.path ?? LIVE_RUN_PATH, headers, timeout: 120_000 }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: any
        try {
          json = JSON.parse(text)
        }
        catch {}
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
      })
    })
    req.on('error', reject)
    req.on('timeout', () => req.destroy(new Error('no answer in 120 s')))
    if (body && options.chunked) {
      // Several chunks, so the server cannot know the size up front.
      for (let i = 0; i < body.length; i += 64 * 1024)
        req.write(body.subarray(i, i + 64 * 1024))
    }
    req.end(options.chunked ? undefined : body)
  })
}

const code = (source: string) => JSON.stringify({ code: source })

/** A refusal: the status, a JSON body in the contract's shape, a reason, no CORS grant. */
function expectRefused(answer: Answer, status: number, reason?: RegExp): void {
  expect(answer.status, answer.text).toBe(status)
  expect(answer.headers['content-type']).toMatch(/^application\/json/)
  expect(answer.json?.outcome, answer.text).toBe('rejected')
  expect(typeof answer.json.error).toBe('string')
  expect(answer.json.error.length).toBeGreaterThan(10)
  if (reason)
    expect(answer.json.error).toMatch(reason)
  expect(answer.headers['access-control-allow-origin']).toBeUndefined()
}

/** Processes whose command line contains `needle` (left behind by a program). */
function processesWith(needle: string): string[] {
  const found: string[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry))
      continue
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ')
      if (cmd.includes(needle))
        found.push(`${entry}: ${cmd}`)
    }
    catch {}
  }
  return found
}

beforeAll(async () => {
  const sandbox = createSandbox()
  if (typeof sandbox === 'string')
    throw new TypeError(`the live runner cannot confine programs on this machine, so the safety suite cannot run: ${sandbox}`)
  server = await sharedDevServer()
  // The deck itself, polled all along: it must keep answering.
  polling = setInterval(() => {
    const started = performance.now()
    fetch(`${server.origin}/`).then(
      r => polls.push({ ok: r.ok, ms: performance.now() - started, at: Date.now() }),
      (e: Error) => polls.push({ ok: false, ms: performance.now() - started, at: Date.now(), error: e.message }),
    )
  }, 250)
})

afterAll(async () => {
  if (polling)
    clearInterval(polling)
  await server?.close()
})

describe('who may call the endpoint', () => {
  it('refuses pages from other origins', async () => {
    const p = server.port
    const foreign = [
      'http://evil.example',
      `http://evil.example:${p}`,
      `https://localhost:${p}`,
      `http://localhost:${p + 1}`,
      `http://127.0.0.1:${p + 1}`,
      `http://localhost.evil.example:${p}`,
      `http://127.0.0.1.nip.io:${p}`,
      'null',
      'file://',
      `http://LOCALHOST:${p}/path`,
    ]
    for (const origin of foreign) {
      for (let i = 0; i < 3; i++)
        expectRefused(await send({ headers: { origin }, body: code('fn main() {}') }), 403, /Origin/)
    }
    for (let i = 0; i < 5; i++)
      expectRefused(await send({ headers: { origin: null }, body: code('fn main() {}') }), 403, /no Origin/)
    // A cross-site fetch as the browser labels it.
    expectRefused(await send({ headers: { 'sec-fetch-site': 'cross-site' }, body: code('fn main() {}') }), 403, /Sec-Fetch-Site/)
  })

  it('refuses a DNS-rebinding Host, even with a matching Origin', async () => {
    const p = server.port
    const hosts = [
      `evil.example:${p}`,
      `rebind.evil.example:${p}`,
      `127.0.0.1.nip.io:${p}`,
      `localhost.evil.example:${p}`,
      `localhost:${p + 1}`,
      'localhost',
      `0.0.0.0:${p}`,
      `[::ffff:127.0.0.1]:${p}`,
      `10.0.0.1:${p}`,
      `localhost:${p}@evil.example`,
    ]
    for (const host of hosts) {
      expectRefused(await send({ headers: { host, origin: `http://${host}` }, body: code('fn main() {}') }), 403, /Host/)
      expectRefused(await send({ headers: { host }, body: code('fn main() {}') }), 403, /Host/)
    }
  })
})

describe('malformed requests', () => {
  it('refuses other methods and content types', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      for (let i = 0; i < 2; i++)
        expectRefused(await send({ method, body: method === 'GET' ? undefined : code('fn main() {}') }), 405, /POST/)
    }
    const types = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', null]
    for (const type of types) {
      for (let i = 0; i < 4; i++)
        expectRefused(await send({ headers: { 'content-type': type }, body: code('fn main() {}') }), 415, /Content-Type/)
    }
  })

  it('refuses bodies that are not the JSON object it expects', async () => {
    const bodies = ['', '{', '}', 'null', '[]', '"fn main() {}"', '42', 'NaN', '{"code": 1}', '{"code": null}', '{"code": ["fn main() {}"]}', '{"code": {}}', '{"source": "fn main() {}"}', '{"code": "fn main() {}", "argv": ["x"]}', '{"code": "fn main() {}", "fresh": "yes"}', '{"code": "fn main() {}",}', '{\'code\': \'x\'}', '{"code": "\\x41"}', '{"code": "unterminated}', 'fn main() {}']
    for (const body of bodies)
      expectRefused(await send({ body }), 400)
  })

  it('refuses invalid UTF-8', async () => {
    const bad = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xFE, 0xFF], [0xF4, 0x90, 0x80, 0x80], [0xC3], [0xE0, 0x80, 0xAF]]
    for (const bytes of bad) {
      const body = Buffer.concat([Buffer.from('{"code":"fn main() { println!(\\"'), Buffer.from(bytes), Buffer.from('\\"); }"}')])
      expectRefused(await send({ body }), 400, /UTF-8/)
    }
  })

  it('refuses a 1 MB body, declared or streamed, and an oversized program', async () => {
    const huge = code(`fn main() {}\n${'// padding\n'.repeat(100_000)}`)
    expect(huge.length).toBeGreaterThan(1_000_000)
    for (let i = 0; i < 4; i++)
      expectRefused(await send({ body: huge }), 413, /limit/)
    for (let i = 0; i < 3; i++)
      expectRefused(await send({ body: huge, chunked: true }), 413, /larger/)
    const big = code(`fn main() {}\n${'// padding\n'.repeat(7000)}`)
    for (let i = 0; i < 3; i++)
      expectRefused(await send({ body: big }), 413, /limit is 65536/)
  })
})

describe('hostile programs are stopped by limits', () => {
  it('stops an endless loop at the time limit, two at once', async () => {
    const started = performance.now()
    const loops = await Promise.all([1, 2].map(n => send({ body: code(`fn main() { let mut n: u64 = ${n}; loop { n = std::hint::black_box(n.wrapping_mul(3)); } }`) })))
    for (const answer of loops) {
      expect(answer.status, answer.text).toBe(200)
      expect(answer.json).toMatchObject({ outcome: 'timeout', stopped: 'time', exitCode: null })
    }
    expect(performance.now() - started).toBeLessThan(60_000)
  })

  it('stops endless output at the output cap', async () => {
    const answer = await send({ body: code('fn main() { loop { println!("all work and no play"); } }') })
    expect(answer.json).toMatchObject({ outcome: 'timeout', stopped: 'output', truncated: true })
    expect(answer.json.stdout.length).toBeLessThanOrEqual(64 * 1024)
    expect(answer.json.durationMs).toBeLessThan(9000)
  })

  it('holds a process-spawning loop to the process limit and leaves nothing running', async () => {
    const source = `use std::process::Command;
fn main() {
    let mut children = Vec::new();
    loop {
        match Command::new("/bin/sleep").arg("987").spawn() {
            Ok(child) => children.push(child),
            Err(e) => {
                println!("refused after {}: {e}", children.len());
                break;
            }
        }
        if children.len() > 5000 {
            println!("no limit");
            break;
        }
    }
}
`
    const answer = await send({ body: code(source) })
    expect(answer.json?.outcome, answer.text).toBe('ok')
    const spawned = Number(/refused after (\d+)/.exec(answer.json.stdout)?.[1] ?? Number.NaN)
    expect(spawned, answer.json.stdout).toBeLessThanOrEqual(64)
    await expect.poll(() => processesWith('sleep 987'), { timeout: 3000 }).toEqual([])
  })

  it('holds a thread-spawning loop to the same limit', async () => {
    const source = `fn main() {
    let mut handles = Vec::new();
    for _ in 0..5000 {
        match std::thread::Builder::new().spawn(|| std::thread::sleep(std::time::Duration::from_secs(30))) {
            Ok(h) => handles.push(h),
            Err(e) => {
                println!("refused after {}: {e}", handles.len());
                return;
            }
        }
    }
    println!("no limit");
}
`
    const answer = await send({ body: code(source) })
    expect(answer.json?.stdout, answer.text).toMatch(/refused after \d+/)
    expect(Number(/refused after (\d+)/.exec(answer.json.stdout)![1])).toBeLessThanOrEqual(64)
  })

  it('kills what a program moved out of its process group', async () => {
    const source = `use std::os::unix::process::CommandExt;
fn main() {
    std::process::Command::new("/bin/sleep").arg("988").process_group(0).spawn().unwrap();
    println!("escaped");
}
`
    const answer = await send({ body: code(source) })
    expect(answer.json).toMatchObject({ outcome: 'ok', stdout: 'escaped\n' })
    await expect.poll(() => processesWith('sleep 988'), { timeout: 3000 }).toEqual([])
  })

  it('ends a grandchild that left the session and cleared its environment', async () => {
    const source = `fn main() {
    std::process::Command::new("/bin/sh")
        .args(["-c", "/usr/bin/setsid /bin/sleep 989 </dev/null >/dev/null 2>&1 &"])
        .env_clear()
        .status()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    println!("detached");
}
`
    const answer = await send({ body: code(source) })
    expect(answer.json).toMatchObject({ outcome: 'ok', stdout: 'detached\n' })
    await expect.poll(() => processesWith('sleep 989'), { timeout: 3000 }).toEqual([])
  })

  it('cannot reach the dev server, or anything else, over loopback', async () => {
    const source = `use std::io::{Read, Write};
fn main() {
    for host in ["127.0.0.1", "localhost", "::1"] {
        match std::net::TcpStream::connect((host, ${server.port})) {
            Ok(mut s) => {
                let _ = s.write_all(b"GET / HTTP/1.0\\r\\n\\r\\n");
                let mut t = String::new();
                let _ = s.read_to_string(&mut t);
                println!("{host}: connected: {}", t.lines().next().unwrap_or(""));
            }
            Err(e) => println!("{host}: {e}"),
        }
    }
}
`
    const answer = await send({ body: code(source) })
    expect(answer.json?.outcome, answer.text).toBe('ok')
    expect(answer.json.stdout).not.toMatch(/connected/)
  })

  it('refuses a huge allocation and a huge file without harm', async () => {
    const memory = await send({ body: code('fn main() { let v = vec![1u8; 8 << 30]; println!("{}", v[v.len() - 1]); }') })
    expect(memory.json?.outcome, memory.text).toBe('panic')
    expect(memory.json.stderr).toMatch(/memory allocation/)
    const file = await send({ body: code('use std::io::Write; fn main() { let mut f = std::fs::File::create("big").unwrap(); let block = [0u8; 1 << 20]; for _ in 0..64 { f.write_all(&block).unwrap(); } println!("wrote 64 MiB"); }') })
    expect(file.json?.outcome, file.text).toBe('panic')
    expect(file.json.stdout).not.toMatch(/wrote/)
  })
})

describe('floods', () => {
  it('answers 60 parallel distinct programs with results or 429, never a hang', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => send({ body: code(`fn main() { println!("flood {}", ${i}); }`) })))
    const busy = answers.filter(a => a.status === 429)
    const done = answers.filter(a => a.status === 200)
    expect(busy.length + done.length).toBe(60)
    expect(busy.length).toBeGreaterThan(0)
    for (const a of busy)
      expectRefused(a, 429, /too many runs/)
    for (const a of done)
      expect(a.json.stdout).toMatch(/^flood \d+\n$/)
  })

  it('answers 60 parallel malformed requests', async () => {
    const answers = await Promise.all(Array.from({ length: 60 }, (_, i) => send({ body: i % 2 ? '{"code":' : Buffer.from([0x7B, 0xFF, 0x7D]) })))
    for (const a of answers)
      expectRefused(a, 400)
  })

  it('still runs code after all that, and answers the same code from the cache', async () => {
    const first = await send({ body: code('fn main() { println!("still here"); }') })
    expect(first.json).toMatchObject({ outcome: 'ok', stdout: 'still here\n' })
    const again = await send({ body: code('fn main() { println!("still here"); }') })
    expect(again.json).toMatchObject({ outcome: 'ok', stdout: 'still here\n', cached: true })
  })
})

describe('afterwards', () => {
  it('sent at least 200 bad or abusive requests', () => {
    expect(sent).toBeGreaterThanOrEqual(200)
  })

  it('left no temporary directories of finished runs', () => {
    const left: string[] = []
    let found = 0
    // This server's own directory: it names its process in `pid`.
    for (const home of readdirSync(tmpdir()).filter(d => d.startsWith('lesson-live-'))) {
      try {
        if (readFileSync(join(tmpdir(), home, 'pid'), 'utf8') !== String(server.pid))
          continue
        found++
        left.push(...readdirSync(join(tmpdir(), home)).filter(d => /^(?:compile|run)-/.test(d)).map(d => `${home}/${d}`))
      }
      catch {}
    }
    expect(found, 'the dev server\'s live-run directory was not found').toBe(1)
    expect(left).toEqual([])
  })

  it('kept serving the deck the whole time', async () => {
    const slide = await fetch(`${server.origin}/`)
    expect(slide.status).toBe(200)
    expect(polls.length).toBeGreaterThan(20)
    const failed = polls.filter(p => !p.ok)
    expect(failed, JSON.stringify(failed.slice(0, 5))).toEqual([])
    const slowest = Math.max(...polls.map(p => p.ms))
    expect(slowest).toBeLessThan(20_000)
  })
})
