import { Emitter } from '../container/emitter'
import type {
  Container,
  ContainerEventMap,
  ContainerProcess,
  ContainerWatcher,
  FileTree,
  SpawnOptions,
} from '../container/types'
import type { WebContainerBooter, WebContainerSurface } from './surface'

/** Options of {@link bootWebContainer}. */
export interface BootWebContainerOptions {
  /** Aborting stops waiting for the boot (the boot itself cannot be cancelled). */
  signal?: AbortSignal
  /** How long to wait for the boot. @default 30_000 */
  timeoutMs?: number
  /** What boots the instance. @default `WebContainer` of `@webcontainer/api` */
  api?: WebContainerBooter
}

interface Shared {
  instance: Promise<WebContainerSurface>
  /** The instance once booted. */
  booted: WebContainerSurface | null
  users: number
}

/** The page's one instance: a WebContainer boots once per page load. */
let shared: Shared | null = null

/** How long teardown waits for the processes it killed. */
const TEARDOWN_WAIT_MS = 3000

/**
 * Boots the page's WebContainer, or reuses the one already booted (the reader
 * moved to another page of the site), and returns it as a {@link Container}.
 * `@webcontainer/api` is imported here, on first use, never when VitePress
 * renders the page on the server. Tearing the returned container down ends
 * its processes and listeners but keeps the instance for the next page;
 * {@link shutdownWebContainer} releases the instance itself.
 */
export async function bootWebContainer(
  options: BootWebContainerOptions = {},
): Promise<Container> {
  const { signal, timeoutMs = 30_000 } = options
  signal?.throwIfAborted()

  if (!shared) {
    const booter = options.api
      ? Promise.resolve(options.api)
      : import('@webcontainer/api').then((module) => module.WebContainer)
    const instance = booter
      .then((api) => api.boot({ coep: 'require-corp', workdirName: 'example' }))
      .catch((error: unknown) => {
        throw bootFailure(error)
      })
    const mine: Shared = { instance, booted: null, users: 0 }
    shared = mine
    instance.then(
      (booted) => (mine.booted = booted),
      () => {
        if (shared === mine) shared = null
      },
    )
  }

  const current = shared
  const instance = await withinTime(current.instance, timeoutMs, signal)
  current.users++
  return new WebContainerAdapter(instance, () => {
    current.users--
  })
}

/**
 * Tears the page's WebContainer down when no container handed out by
 * {@link bootWebContainer} is in use (or always, with `force`). A later boot
 * starts a new instance.
 */
export async function shutdownWebContainer(force = false): Promise<void> {
  const current = shared
  if (!current || (current.users > 0 && !force)) return
  shared = null
  if (current.booted) return current.booted.teardown()
  // A boot still pending is torn down when it lands; waiting for it could
  // wait forever.
  void current.instance.then(
    (instance) => instance.teardown(),
    () => {},
  )
}

const RUN_LOCALLY = 'run the docs locally with “npm install && npm run dev”'

/** A refused boot, in a sentence that says why and what the reader can do. */
function bootFailure(error: unknown): Error {
  const why = error instanceof Error ? error.message : String(error)
  return new Error(
    `The WebContainer could not start: ${why.replace(/\.?$/, '.')} Reload to try again, or ${RUN_LOCALLY}.`,
    { cause: error },
  )
}

function withinTime<T>(
  promise: Promise<T>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup()
      reject(
        new Error(
          `The WebContainer did not start within ${Math.round(timeoutMs / 1000)} s. It needs StackBlitz's servers and a browser that lets this page use them; reload to try again, or ${RUN_LOCALLY}.`,
        ),
      )
    }, timeoutMs)
    const onAbort = () => {
      cleanup()
      reject(signal?.reason)
    }
    const cleanup = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    promise.then(
      (value) => (cleanup(), resolve(value)),
      (error: unknown) => (cleanup(), reject(error)),
    )
  })
}

/** A {@link Container} that delegates to a WebContainer and owns what it started. */
class WebContainerAdapter implements Container {
  private readonly events = new Emitter<ContainerEventMap>()
  private readonly unsubscribers: Array<() => void>
  private readonly live = new Map<ContainerProcess, Promise<number>>()
  private readonly watchers = new Set<ContainerWatcher>()
  private tornDown = false

  constructor(
    private readonly wc: WebContainerSurface,
    private readonly release: () => void,
  ) {
    this.unsubscribers = [
      wc.on('server-ready', (port, url) =>
        this.events.emit('server-ready', port, url),
      ),
      wc.on('port', (port, type, url) =>
        this.events.emit('port', port, type, url),
      ),
      wc.on('error', (error) => this.events.emit('error', error)),
    ]
  }

  readonly fs: Container['fs'] = {
    readFile: ((path: string, encoding?: 'utf-8') =>
      encoding
        ? this.wc.fs.readFile(path, encoding)
        : this.wc.fs.readFile(path)) as Container['fs']['readFile'],
    writeFile: (path, contents) => this.wc.fs.writeFile(path, contents),
    readdir: (path) => this.wc.fs.readdir(path),
    mkdir: async (path, options) => {
      await this.wc.fs.mkdir(path, { recursive: !!options?.recursive })
    },
    rm: (path, options) => this.wc.fs.rm(path, options),
    watch: (path, listener) => {
      const inner = this.wc.fs.watch(path, (event, filename) =>
        listener(
          event,
          typeof filename === 'string'
            ? filename
            : new TextDecoder().decode(filename),
        ),
      )
      const watcher = {
        close: () => {
          this.watchers.delete(watcher)
          inner.close()
        },
      }
      this.watchers.add(watcher)
      return watcher
    },
  }

  mount(tree: FileTree | ArrayBuffer): Promise<void> {
    return this.wc.mount(tree)
  }

  async spawn(
    command: string,
    args: string[],
    options: SpawnOptions = {},
  ): Promise<ContainerProcess> {
    const process = await this.wc.spawn(command, args, {
      env: options.env,
      cwd: options.cwd,
    })
    const wrapped: ContainerProcess = {
      output: process.output,
      exit: process.exit,
      input: process.input,
      kill: () => process.kill(),
    }
    this.live.set(wrapped, process.exit)
    void process.exit.finally(() => this.live.delete(wrapped))
    return wrapped
  }

  on<K extends keyof ContainerEventMap>(
    event: K,
    listener: ContainerEventMap[K],
  ): () => void {
    return this.events.on(event, listener)
  }

  async teardown(): Promise<void> {
    if (this.tornDown) return
    this.tornDown = true
    for (const unsubscribe of this.unsubscribers) unsubscribe()
    for (const watcher of [...this.watchers]) watcher.close()
    for (const process of this.live.keys()) process.kill()
    let timer: ReturnType<typeof setTimeout> | undefined
    await Promise.race([
      Promise.allSettled(this.live.values()),
      new Promise((resolve) => (timer = setTimeout(resolve, TEARDOWN_WAIT_MS))),
    ])
    clearTimeout(timer)
    this.events.clear()
    this.release()
  }
}
