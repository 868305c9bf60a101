import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'

/** Ends a child process: SIGTERM, then SIGKILL after 5 s; resolves on exit. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}
