import { spawn, type ChildProcess } from 'node:child_process'
import { constants } from 'node:os'
import { StringDecoder } from 'node:string_decoder'
import { killGroupOnExit } from './exit-cleanup'

/** What a {@link SandboxProcess} reports. */
export interface SandboxProcessHandlers {
  onOutput(data: string): void
  onExit(code: number): void
}

/** How long a process gets after SIGTERM before SIGKILL. */
const KILL_GRACE_MS = 1500

/**
 * One process of a sandbox, started in its own process group so that
 * {@link SandboxProcess.kill} ends everything it started (npm spawns
 * children, an app may too).
 */
export class SandboxProcess {
  /** Resolves with the exit code once the process and its output ended. */
  readonly exited: Promise<number>
  private readonly child: ChildProcess
  private killTimer: NodeJS.Timeout | undefined
  private done = false

  constructor(
    file: string,
    args: string[],
    options: { cwd: string; env: Record<string, string> },
    handlers: SandboxProcessHandlers,
  ) {
    this.child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    for (const stream of [this.child.stdout, this.child.stderr]) {
      const decoder = new StringDecoder('utf8')
      stream?.on('data', (chunk: Buffer) => {
        const text = decoder.write(chunk)
        if (text) handlers.onOutput(text)
      })
    }
    this.child.stdin?.on('error', () => {})
    const untrack =
      this.child.pid === undefined ? () => {} : killGroupOnExit(this.child.pid)

    this.exited = new Promise((resolve) => {
      const finish = (code: number) => {
        if (this.done) return
        this.done = true
        clearTimeout(this.killTimer)
        untrack()
        handlers.onExit(code)
        resolve(code)
      }
      this.child.once('error', (error) => {
        handlers.onOutput(`${error.message}\n`)
        finish(127)
      })
      // 'close' waits for stdout and stderr to end, so no output is lost.
      this.child.once('close', (code, signal) => {
        finish(code ?? 128 + (signal ? (constants.signals[signal] ?? 0) : 0))
      })
    })
  }

  /** The OS process id, or undefined when it failed to start. */
  get pid(): number | undefined {
    return this.child.pid
  }

  get running(): boolean {
    return !this.done
  }

  /** Writes to the process' standard input. */
  write(data: string): void {
    if (this.done || !this.child.stdin?.writable) return
    this.child.stdin.write(data)
  }

  /** Ends the process group: SIGTERM, then SIGKILL if it lingers. */
  kill(): Promise<number> {
    if (!this.done) {
      this.signalGroup('SIGTERM')
      clearTimeout(this.killTimer)
      this.killTimer = setTimeout(
        () => this.signalGroup('SIGKILL'),
        KILL_GRACE_MS,
      )
    }
    return this.exited
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child.pid
    if (pid === undefined) return
    try {
      process.kill(-pid, signal)
    } catch {
      // The group is already gone.
    }
  }
}
