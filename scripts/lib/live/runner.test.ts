import type { AddressInfo } from 'node:net'
import type { LiveRunner } from './runner.ts'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BusyError, createLiveRunner, removeStaleHomes, renderedDiagnostics } from './runner.ts'

let runner: LiveRunner

beforeAll(() => {
  runner = createLiveRunner({ timeoutMs: 3000, maxOutputBytes: 4096 })
  if (typeof runner.sandbox === 'string')
    throw new TypeError(`live runs cannot be confined on this machine: ${runner.sandbox}`)
})

afterAll(async () => {
  const dir = runner.directory
  await runner.close()
  expect(existsSync(dir)).toBe(false)
})

describe('createLiveRunner', { timeout: 120_000 }, () => {
  it('compiles and runs a program, then answers it again from the cache or runs it fresh', async () => {
    const code = 'fn main() { println!("hello from {}", "main.rs"); }\n'
    const first = await runner.run(code)
    expect(first).toMatchObject({ outcome: 'ok', stdout: 'hello from main.rs\n', exitCode: 0, cached: false, stopped: null })
    const again = await runner.run(code)
    expect(again).toMatchObject({ outcome: 'ok', stdout: 'hello from main.rs\n', cached: true })
    expect(again.durationMs).toBeLessThan(50)
    const fresh = await runner.run(code, { fresh: true })
    expect(fresh).toMatchObject({ outcome: 'ok', stdout: 'hello from main.rs\n', cached: true })
    // Nothing of the runs is left but the cached binary.
    expect(readdirSync(runner.directory).filter(d => /^(?:compile|run)-/.test(d))).toEqual([])
  })

  it('reports a compile error with rustc\'s rendered message, paths relative', async () => {
    const r = await runner.run('fn main() {\n    let n: i32 = "one";\n}\n')
    expect(r.outcome).toBe('compile_error')
    expect(r.diagnostics).toMatch(/error\[E0308\]/)
    expect(r.diagnostics).toMatch(/--> .*main\.rs:2:18/)
    expect(r.diagnostics).not.toContain(runner.directory)
    expect(r.diagnostics).toContain('\u001B[')
  })

  it('reports a panic with its message and exit code 101', async () => {
    const r = await runner.run('fn main() {\n    let v: Vec<u8> = Vec::new();\n    println!("{}", v[3]);\n}\n')
    expect(r).toMatchObject({ outcome: 'panic', exitCode: 101 })
    expect(r.stderr).toMatch(/thread 'main' panicked at main\.rs:3:\d+:\nindex out of bounds/)
  })

  it('stops a program at the time limit and at the output cap', async () => {
    const loop = await runner.run('fn main() { let mut n = 0u64; loop { n = std::hint::black_box(n + 1); } }\n')
    expect(loop).toMatchObject({ outcome: 'timeout', stopped: 'time', exitCode: null })
    const spam = await runner.run('fn main() { loop { println!("spam"); } }\n')
    expect(spam).toMatchObject({ outcome: 'timeout', stopped: 'output', truncated: true })
    expect(spam.stdout.length).toBeLessThanOrEqual(4096)
  })

  it('refuses an oversized program before compiling it', async () => {
    const r = await runner.run(`fn main() {}\n${'// x\n'.repeat(20_000)}`)
    expect(r.outcome).toBe('rejected')
    expect(r.error).toMatch(/limit is 65536/)
  })

  it('refuses work beyond its queue with BusyError', async () => {
    const small = createLiveRunner({ maxRunning: 1, maxQueued: 0 })
    try {
      // Compiled once, then run again with `fresh`: the second run goes
      // straight to its slot and holds it for a second while it sleeps.
      const sleeper = 'fn main() { std::thread::sleep(std::time::Duration::from_millis(1500)); println!("1"); }\n'
      expect((await small.run(sleeper)).stdout).toBe('1\n')
      const first = small.run(sleeper, { fresh: true })
      for (let i = 0; i < 100 && small.load().active === 0; i++)
        await new Promise(resolve => setTimeout(resolve, 10))
      expect(small.load()).toEqual({ active: 1, queued: 0 })
      await expect(small.run('fn main() { println!("2"); }\n')).rejects.toBeInstanceOf(BusyError)
      expect((await first).stdout).toBe('1\n')
      expect(small.load()).toEqual({ active: 0, queued: 0 })
    }
    finally {
      await small.close()
    }
  })
})

describe('without a sandbox', { timeout: 120_000 }, () => {
  it('refuses live runs in one line saying what to install', async () => {
    const none = createLiveRunner({ sandbox: { platform: 'linux', tools: { bwrap: null } } })
    try {
      const r = await none.run('fn main() {}\n')
      expect(r.outcome).toBe('rejected')
      expect(r.error).toMatch(/^live runs are disabled: .*install bubblewrap .*apt-get install bubblewrap.*--unsafe-live-runs/)
      expect(r.error).not.toContain('\n')
    }
    finally {
      await none.close()
    }
  })

  it('opted out explicitly, runs under the limits only and warns on every run', async () => {
    const warnings: string[] = []
    const unsafe = createLiveRunner({ sandbox: { unconfined: true }, onWarning: w => warnings.push(w) })
    try {
      const code = 'fn main() { println!("unconfined"); }\n'
      expect(await unsafe.run(code)).toMatchObject({ outcome: 'ok', stdout: 'unconfined\n' })
      expect(await unsafe.run(code, { fresh: true })).toMatchObject({ outcome: 'ok', stdout: 'unconfined\n' })
      expect(warnings).toHaveLength(2)
      expect(warnings[0]).toMatch(/UNCONFINED \(--unsafe-live-runs\)/)
    }
    finally {
      await unsafe.close()
    }
  })
})

describe('renderedDiagnostics', () => {
  it('keeps rendered text and rustc\'s plain lines, drops the rest', () => {
    const stderr = [
      JSON.stringify({ $message_type: 'diagnostic', rendered: 'error: /tmp/d/main.rs broke\n' }),
      JSON.stringify({ $message_type: 'artifact', artifact: 'x' }),
      'plain line',
    ].join('\n')
    expect(renderedDiagnostics(stderr, '/tmp/d')).toBe('error: main.rs broke\nplain line\n')
  })
})

describe('removeStaleHomes', () => {
  it('removes the directories of servers that are gone, keeps the live ones', () => {
    const root = mkdtempSync(join(tmpdir(), 'stale-'))
    mkdirSync(join(root, 'lesson-live-dead'))
    writeFileSync(join(root, 'lesson-live-dead', 'pid'), '999999999')
    mkdirSync(join(root, 'lesson-live-alive'))
    writeFileSync(join(root, 'lesson-live-alive', 'pid'), String(process.pid))
    expect(removeStaleHomes(root)).toEqual([join(root, 'lesson-live-dead')])
    expect(readdirSync(root)).toEqual(['lesson-live-alive'])
  })
})

describe('what a live program and its compile can reach', { timeout: 120_000 }, () => {
  it('does not compile `include_bytes!` of a root-only file or `include_str!` of the kit', async () => {
    const secret = join(mkdtempSync(join(tmpdir(), 'secret-')), 'secret.txt')
    writeFileSync(secret, 'the secret text\n', { mode: 0o600 })
    for (const path of ['/etc/shadow', secret, join(process.cwd(), 'package.json')]) {
      const r = await runner.run(`const DATA: &[u8] = include_bytes!(${JSON.stringify(path)});\nfn main() { println!("{}", DATA.len()); }\n`)
      expect(r.outcome, `${path}: ${r.stdout}`).toBe('compile_error')
      expect(r.diagnostics).toMatch(/couldn't read/)
      expect(r.stdout).toBe('')
    }
  })

  it('compiles as an unprivileged user (uid 65534): rustc\'s own /proc/self/status, read at compile time', async () => {
    const r = await runner.run('const STATUS: &str = include_str!("/proc/self/status");\nfn main() { for l in STATUS.lines().filter(|l| l.starts_with("Uid:")) { println!("{l}"); } }\n')
    expect(r.outcome, r.diagnostics).toBe('ok')
    expect(r.stdout).toMatch(/^Uid:\s+65534\s+65534\s+65534\s+65534\n$/)
  })

  it('cannot connect to a port on loopback', async () => {
    const server = createServer(socket => socket.end('reached\n'))
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      const r = await runner.run(`use std::io::Read;
fn main() {
    for host in ["127.0.0.1", "localhost"] {
        match std::net::TcpStream::connect((host, ${port})) {
            Ok(mut s) => { let mut t = String::new(); s.read_to_string(&mut t).ok(); println!("{host}: connected, {t}"); }
            Err(e) => println!("{host}: {e}"),
        }
    }
}
`)
      expect(r.outcome, r.diagnostics).toBe('ok')
      expect(r.stdout).not.toMatch(/connected/)
    }
    finally {
      server.close()
    }
  })

  it('sees no file of the machine outside the toolchain: not /etc/passwd, not the kit, not /home', async () => {
    const r = await runner.run(`fn main() {
    for path in ["/etc/passwd", "/etc/hostname", ${JSON.stringify(join(process.cwd(), 'package.json'))}, "/home", "/root", "/var"] {
        println!("{path}: {}", if std::fs::metadata(path).is_ok() { "visible" } else { "absent" });
    }
}
`)
    expect(r.outcome, r.diagnostics).toBe('ok')
    expect(r.stdout).not.toMatch(/visible/)
  })

  it('cannot make a user namespace of its own (where it could mount an unlimited tmpfs)', async () => {
    const r = await runner.run(`fn main() {
    let status = std::process::Command::new("/usr/bin/unshare").args(["--user", "--map-root-user", "/bin/true"]).status();
    println!("{}", if matches!(status, Ok(s) if s.success()) { "made one" } else { "refused" });
    let threads: Vec<_> = (0..4).map(|i| std::thread::spawn(move || i * 2)).collect();
    println!("{}", threads.into_iter().map(|t| t.join().unwrap()).sum::<i32>());
}
`)
    expect(r.outcome, r.diagnostics + r.stderr).toBe('ok')
    expect(r.stdout).toBe('refused\n12\n')
  })

  it('writes at most 64 MiB in all, and nothing it wrote outlives the run', async () => {
    const tag = `lesson-cap-${Date.now()}`
    const r = await runner.run(`use std::io::Write;
fn main() {
    let block = vec![7u8; 1 << 20];
    let mut total = 0;
    'dirs: for dir in [".", "/tmp", "/dev/shm", "/var/tmp"] {
        for i in 0..40 {
            let Ok(mut f) = std::fs::File::create(format!("{dir}/${tag}-{i}")) else { continue 'dirs };
            for _ in 0..8 {
                if f.write_all(&block).is_err() { break 'dirs; }
                total += 1;
            }
        }
    }
    println!("{total}");
}
`)
    expect(r.outcome, r.diagnostics + r.stderr).toBe('ok')
    expect(Number(r.stdout)).toBeLessThanOrEqual(64)
    for (const dir of ['/tmp', '/dev/shm', '/var/tmp'])
      expect(readdirSync(dir).filter(n => n.startsWith(tag))).toEqual([])
  })
})
