import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The prefix of the local runtime's sandbox folders under the temp folder. */
const SANDBOX_PREFIX = join(tmpdir(), 'boring-playground-')

/**
 * The pids of processes running inside a local-runtime sandbox on this
 * machine, read from /proc: a process whose working folder is a sandbox.
 */
export function sandboxProcesses(): number[] {
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const cwd = readlinkSync(`/proc/${entry}/cwd`)
      if (cwd.startsWith(SANDBOX_PREFIX)) pids.push(Number(entry))
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return pids
}

/** The sandbox folders that exist now. */
export function sandboxFolders(): string[] {
  return readdirSync(tmpdir())
    .map((name) => join(tmpdir(), name))
    .filter((path) => path.startsWith(SANDBOX_PREFIX))
}

/** The command line of a process, for messages. */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf-8').replaceAll('\0', ' ')
  } catch {
    return `(pid ${pid} has ended)`
  }
}
