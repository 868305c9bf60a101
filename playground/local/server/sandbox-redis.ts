import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { freePort } from './free-port'
import { watchPort } from './port-watch'
import { SandboxProcess } from './sandbox-process'

/**
 * Which Redis a sandbox gives its app when the app's session config asks
 * for one: Debian's real `redis-server` (the default), the browser's
 * Redis-protocol stand-in (to test the browser's path here), or none.
 */
export type SandboxRedisMode = 'redis-server' | 'stand-in' | 'off'

/** Reads `PLAYGROUND_REDIS`; unset means the real server. */
export function redisModeFromEnv(value: string | undefined): SandboxRedisMode {
  if (value === undefined || value === '') return 'redis-server'
  if (value === 'redis-server' || value === 'stand-in' || value === 'off') {
    return value
  }
  throw new Error(
    `PLAYGROUND_REDIS=${JSON.stringify(value)} is not a Redis the local runtime knows; use redis-server, stand-in or off.`,
  )
}

/** Where Debian installs the server. */
export const REDIS_SERVER_BINARY = '/usr/bin/redis-server'

const READY_TIMEOUT_MS = 10_000

/**
 * One Redis per sandbox, started the first time an app needs it and kept
 * for the sandbox's life, so a restarted app still finds its sessions. It
 * listens on a free loopback port; the app is told that URL through
 * `REDIS_URL`, which is how the page's `redis://localhost:6379` reaches it.
 */
export class SandboxRedis {
  private started: Promise<string> | null = null
  private process: SandboxProcess | null = null

  constructor(
    private readonly root: string,
    private readonly mode: SandboxRedisMode,
    private readonly binary = REDIS_SERVER_BINARY,
  ) {}

  /** The URL of the sandbox's Redis, started if need be. */
  url(): Promise<string> {
    this.started ??= this.start().catch((error: Error) => {
      this.started = null
      throw error
    })
    return this.started
  }

  /** Stops the Redis, if it runs. */
  async dispose(): Promise<void> {
    await this.process?.kill()
    this.process = null
  }

  private async start(): Promise<string> {
    if (this.mode === 'off') {
      throw new Error(
        'This local runtime runs no Redis (redis: "off"), so the app cannot reach the Redis it asks for; set config/session.js back to the memory store.',
      )
    }
    const port = await freePort()
    const folder = join(this.root, '.redis')
    await mkdir(folder, { recursive: true })
    const [file, args] =
      this.mode === 'stand-in'
        ? [
            process.execPath,
            [await this.writeStandin(folder), '--port', `${port}`],
          ]
        : [this.binary, redisServerArgs(port, folder)]
    if (this.mode === 'redis-server' && !existsSync(this.binary)) {
      throw new Error(
        'Redis is not installed on this machine, so the Redis session store cannot run here: install it with "sudo apt-get install redis-server" and press Run again.',
      )
    }

    const child = new SandboxProcess(
      file,
      args,
      { cwd: folder, env: { PATH: process.env.PATH ?? '/usr/bin:/bin' } },
      { onOutput: () => {}, onExit: () => {} },
    )
    this.process = child
    await waitUntilListening(port, child)
    return `redis://127.0.0.1:${port}`
  }

  private async writeStandin(folder: string): Promise<string> {
    const { buildRedisStandin } = await import('../../redis-standin/build')
    const file = join(folder, 'redis-standin.cjs')
    await writeFile(file, await buildRedisStandin())
    return file
  }
}

/** How the sandbox starts redis-server on `port`, keeping data in `folder`. */
export function redisServerArgs(port: number, folder: string): string[] {
  // No snapshots on a timer; a dump is written only when asked (SHUTDOWN
  // SAVE), into the sandbox, and read back if the server starts again there.
  return [
    '--port',
    `${port}`,
    '--bind',
    '127.0.0.1',
    '--dir',
    folder,
    '--save',
    '',
    '--appendonly',
    'no',
  ]
}

function waitUntilListening(port: number, child: SandboxProcess) {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`Redis did not listen on port ${port} within 10 s.`))
    }, READY_TIMEOUT_MS)
    const stop = watchPort(
      port,
      (open) => {
        if (!open) return
        stop()
        clearTimeout(timer)
        resolve()
      },
      50,
    )
    void child.exited.then((code) => {
      stop()
      clearTimeout(timer)
      reject(new Error(`Redis exited with code ${code} before it listened.`))
    })
  })
}
