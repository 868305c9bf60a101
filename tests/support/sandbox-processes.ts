import { readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The prefix of the local runtime's sandbox folders under the temp folder. */
const SANDBOX_PREFIX = join(tmpdir(), 'boring-playground-')

/**
 * The pids of processes running inside a local-runtime sandbox that this
 * test run started, read from /proc: a process whose working folder is a
 * sandbox and that descends from this process or from its parent (the
 * Playwright runner, which also started the preview server). Sandboxes of
 * anything else on the machine, such as a dev server someone has open, do
 * not count.
 */
export function sandboxProcesses(): number[] {
  const owners = new Set([process.pid, process.ppid])
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const cwd = readlinkSync(`/proc/${entry}/cwd`)
      if (!cwd.startsWith(SANDBOX_PREFIX)) continue
      if (ancestors(Number(entry)).some((pid) => owners.has(pid))) {
        pids.push(Number(entry))
      }
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return pids
}

/** The working folder of a process, or null once it has ended. */
export function workingFolder(pid: number): string | null {
  try {
    return readlinkSync(`/proc/${pid}/cwd`)
  } catch {
    return null
  }
}

function ancestors(pid: number): number[] {
  const chain: number[] = []
  let current = pid
  while (current > 1 && chain.length < 64) {
    // The parent's pid is the field after the command name, which is in
    // parentheses and may itself hold spaces.
    const stat = readFileSync(`/proc/${current}/stat`, 'utf-8')
    current = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    chain.push(current)
  }
  return chain
}

/** The sandbox folders that exist now. */
export function sandboxFolders(): string[] {
  return readdirSync(tmpdir())
    .map((name) => join(tmpdir(), name))
    .filter((path) => path.startsWith(SANDBOX_PREFIX))
}
