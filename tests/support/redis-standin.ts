import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildRedisStandin } from '../../playground/redis-standin/build'
import { freePort } from '../../playground/local/server/free-port'
import type { RedisServer, RestartOptions } from './redis-server'

let bundle: Promise<string> | undefined

/** The bundled stand-in, built once per test process. */
export function redisStandinBundle(): Promise<string> {
  bundle ??= buildRedisStandin()
  return bundle
}

/**
 * Starts the BUNDLED Redis stand-in (the very file the browser container
 * runs) as a child process on a free loopback port, with the same interface
 * as `startRedisServer`, so a suite can run against both. Resolves once it
 * has printed that it listens.
 */
export async function startRedisStandin(
  options: { port?: number } = {},
): Promise<RedisServer> {
  const port = options.port ?? (await freePort())
  const folder = await mkdtemp(join(tmpdir(), 'redis-standin-'))
  const file = join(folder, 'redis-standin.cjs')
  await writeFile(file, await redisStandinBundle())
  let child: ChildProcess | undefined

  async function start() {
    child = spawn(process.execPath, [file, '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.on('error', () => {})
    await waitForListening(child, port)
  }

  async function stopProcess() {
    const running = child
    child = undefined
    if (!running || running.exitCode !== null) return
    running.kill('SIGTERM')
    await once(running, 'exit')
  }

  await start()
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      await stopProcess()
      await rm(folder, { recursive: true, force: true })
    },
    async restart(options: RestartOptions = {}) {
      if (options.keepData) {
        // FUTURE: a dump file would lift this, if a page ever needs it.
        throw new Error(
          'The Redis stand-in keeps its data in memory only, so ' +
            'restart({ keepData: true }) cannot keep it. Run that case ' +
            'against redis-server alone.',
        )
      }
      await stopProcess()
      await options.whileDown?.()
      await start()
    },
  }
}

function waitForListening(child: ChildProcess, port: number) {
  return new Promise<void>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(`did not say it listens on port ${port} within 10 s`)
    }, 10_000)

    function fail(reason: string) {
      clearTimeout(timer)
      reject(
        new Error(`The bundled Redis stand-in ${reason}. Output:\n${output}`),
      )
    }

    child.stderr!.on('data', (chunk: Buffer) => (output += chunk))
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk
      if (output.includes(`listening on 127.0.0.1:${port}`)) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.once('exit', (code) => fail(`exited with code ${code}`))
  })
}
