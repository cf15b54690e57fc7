/** Processes on this machine (Linux `/proc`) whose command line names `dir`, or that run in it. */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs'

export function processesIn(dir: string): string[] {
  const found: string[] = []
  for (const pid of readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()
      let cwd = ''
      try {
        cwd = readlinkSync(`/proc/${pid}/cwd`)
      }
      catch {}
      if (cmd.includes(dir) || cwd.startsWith(dir))
        found.push(`${pid} ${cmd}`)
    }
    catch {}
  }
  return found
}
