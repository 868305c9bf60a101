import type { Container, ContainerProcess } from '../container/types'
import {
  SESSION_CONFIG_FILE,
  sessionConfigUsesRedis,
} from '../session/uses-redis'

/** Where the stand-in's code is written inside the container. */
export const STANDIN_FILE = '.playground/redis-standin.cjs'

const READY = /listening on/

/**
 * Keeps the browser's Redis stand-in running in a WebContainer while the
 * app's session config asks for Redis: no Redis binary can run there, so
 * the stand-in answers on the port the page's `redis://localhost:6379`
 * names. Use the returned function as the session's `beforeLift`. The
 * stand-in is started once and lives as long as the container; a restart of
 * the app keeps its sessions.
 */
export function redisStandinService(
  loadCode: () => Promise<string>,
  port = 6379,
): (container: Container, signal: AbortSignal) => Promise<void> {
  let running: ContainerProcess | null = null

  return async (container, signal) => {
    const config = await container.fs
      .readFile(SESSION_CONFIG_FILE, 'utf-8')
      .catch(() => '')
    if (!sessionConfigUsesRedis(config) || running) return

    await container.fs.mkdir('.playground', { recursive: true })
    await container.fs.writeFile(STANDIN_FILE, await loadCode())
    const standin = await container.spawn('node', [
      STANDIN_FILE,
      '--port',
      String(port),
    ])
    running = standin
    void standin.exit.then(() => {
      if (running === standin) running = null
    })
    await untilReady(standin, signal)
  }
}

/** Reads the stand-in's output until it says it listens, then drains it. */
function untilReady(
  standin: ContainerProcess,
  signal: AbortSignal,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = ''
    let ready = false
    void standin.output
      .pipeTo(
        new WritableStream({
          write(chunk) {
            if (ready) return
            seen += chunk
            if (READY.test(seen)) {
              ready = true
              resolve()
            }
          },
        }),
        { signal },
      )
      .catch(() => {})
    void standin.exit.then((code) => {
      if (ready) return
      reject(
        new Error(
          `The Redis stand-in exited with code ${code} before it listened: ${seen.trim()}`,
        ),
      )
    })
  })
}
