/**
 * Where a command is on `PATH`, as the shell would find it; null when it is
 * not there.
 */
import { accessSync, constants, statSync } from 'node:fs'
import { delimiter, join } from 'node:path'

export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile())
      return false
    accessSync(path, constants.X_OK)
    return true
  }
  catch {
    return false
  }
}

export function findOnPath(command: string, env: NodeJS.ProcessEnv = process.env): string | null {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir)
      continue
    const file = join(dir, command)
    if (isExecutableFile(file))
      return file
  }
  return null
}
