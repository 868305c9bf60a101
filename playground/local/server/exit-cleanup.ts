import { rmSync } from 'node:fs'

/**
 * Sandbox processes run in their own process groups, so a Ctrl-C in the
 * terminal of `npm run dev` does not reach them, and their folders outlive a
 * server that exits without disposing. This module remembers live groups and
 * folders and removes them when the server process exits or is signalled.
 * Its listeners exist only while something is tracked.
 */
const groups = new Set<number>()
const folders = new Set<string>()
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

/** Kills a tracked process group if the server exits; returns the untracker. */
export function killGroupOnExit(pid: number): () => void {
  groups.add(pid)
  install()
  return () => {
    groups.delete(pid)
    uninstallIfIdle()
  }
}

/** Removes a tracked folder if the server exits; returns the untracker. */
export function removeFolderOnExit(path: string): () => void {
  folders.add(path)
  install()
  return () => {
    folders.delete(path)
    uninstallIfIdle()
  }
}

function cleanUp(): void {
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  for (const folder of folders) {
    try {
      rmSync(folder, { recursive: true, force: true })
    } catch {
      // Best effort while exiting.
    }
  }
  groups.clear()
  folders.clear()
}

function onSignal(signal: NodeJS.Signals): void {
  cleanUp()
  uninstall()
  // With no other listener, our listener replaced Node's default of exiting;
  // raise the signal again so the server still stops.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal)
}

let installed = false

function install(): void {
  if (installed) return
  installed = true
  process.once('exit', cleanUp)
  for (const signal of SIGNALS) process.on(signal, onSignal)
}

function uninstall(): void {
  if (!installed) return
  installed = false
  process.off('exit', cleanUp)
  for (const signal of SIGNALS) process.off(signal, onSignal)
}

function uninstallIfIdle(): void {
  if (groups.size === 0 && folders.size === 0) uninstall()
}
