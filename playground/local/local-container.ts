import { Emitter } from '../container/emitter'
import { snapshotToFileTree } from '../snapshot/snapshot-tree'
import type {
  Container,
  ContainerEventMap,
  ContainerProcess,
  FileTree,
  SpawnOptions,
  WatchListener,
} from '../container/types'
import {
  base64ToBytes,
  toWire,
  type PushMessage,
  type RequestMap,
  type ServerMessage,
  type WireTree,
} from './protocol'

/** The part of the WebSocket API the client uses; browsers' and `ws`'s fit. */
export interface WebSocketLike {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  addEventListener(type: string, listener: (event: never) => void): void
}

interface LiveProcess {
  output: ReadableStreamDefaultController<string>
  /** True once the reader cancelled the output stream. */
  cancelled: boolean
  resolveExit: (code: number) => void
}

const OPEN = 1
/** How long teardown waits for processes to report their exit. */
const TEARDOWN_WAIT_MS = 3000

/**
 * A {@link Container} over an open WebSocket to the local runtime: requests
 * with ids, process output and events pushed by the server.
 */
export class LocalContainer implements Container {
  private readonly events = new Emitter<ContainerEventMap>()
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >()
  private readonly processes = new Map<number, LiveProcess>()
  private readonly exits = new Set<Promise<number>>()
  private readonly watchers = new Map<number, WatchListener>()
  private nextId = 1
  private closed = false
  private readonly detachAbort: () => void

  constructor(
    private readonly socket: WebSocketLike,
    private readonly hostname: string,
    signal?: AbortSignal,
  ) {
    socket.addEventListener('message', (event: { data: unknown }) =>
      this.receive(JSON.parse(String(event.data)) as ServerMessage),
    )
    socket.addEventListener('close', () => this.closedBySocket())
    const onAbort = () => void this.teardown()
    signal?.addEventListener('abort', onAbort, { once: true })
    this.detachAbort = () => signal?.removeEventListener('abort', onAbort)
  }

  readonly fs: Container['fs'] = {
    readFile: (async (path: string, encoding?: 'utf-8') => {
      const { base64 } = await this.call('readFile', { path })
      const bytes = base64ToBytes(base64)
      return encoding ? new TextDecoder().decode(bytes) : bytes
    }) as Container['fs']['readFile'],
    writeFile: async (path, contents) => {
      await this.call('writeFile', { path, contents: toWire(contents) })
    },
    readdir: (path) => this.call('readdir', { path }),
    mkdir: async (path, options) => {
      await this.call('mkdir', { path, recursive: !!options?.recursive })
    },
    rm: async (path, options) => {
      await this.call('rm', {
        path,
        recursive: !!options?.recursive,
        force: !!options?.force,
      })
    },
    watch: (path, listener) => {
      const watchId = this.nextId++
      this.watchers.set(watchId, listener)
      this.call('watch', { path, watchId }).catch((error: Error) => {
        this.watchers.delete(watchId)
        this.events.emit('error', { message: error.message })
      })
      return {
        close: () => {
          if (!this.watchers.delete(watchId) || this.closed) return
          this.call('unwatch', { watchId }).catch(() => {})
        },
      }
    },
  }

  async mount(tree: FileTree | ArrayBuffer): Promise<void> {
    const files =
      tree instanceof ArrayBuffer ? await snapshotToFileTree(tree) : tree
    await this.call('mount', { tree: toWireTree(files) })
  }

  async spawn(
    command: string,
    args: string[],
    options: SpawnOptions = {},
  ): Promise<ContainerProcess> {
    const processId = this.nextId++
    let live!: LiveProcess
    const output = new ReadableStream<string>({
      start: (controller) => {
        live = { output: controller, cancelled: false, resolveExit: () => {} }
      },
      cancel: () => {
        live.cancelled = true
      },
    })
    const exit = new Promise<number>((resolve) => (live.resolveExit = resolve))
    // Registered before the request so no early output is lost.
    this.processes.set(processId, live)
    try {
      await this.call('spawn', {
        processId,
        command,
        args,
        env: options.env ?? {},
        cwd: options.cwd ?? null,
      })
    } catch (error) {
      this.processes.delete(processId)
      throw error
    }
    this.exits.add(exit)
    void exit.then(() => this.exits.delete(exit))

    const input = new WritableStream<string>({
      write: (data) => this.call('input', { processId, data }).then(() => {}),
    })
    return {
      output,
      exit,
      input,
      kill: () => {
        if (this.processes.has(processId) && !this.closed) {
          this.call('kill', { processId }).catch(() => {})
        }
      },
    }
  }

  on<K extends keyof ContainerEventMap>(
    event: K,
    listener: ContainerEventMap[K],
  ): () => void {
    return this.events.on(event, listener)
  }

  async teardown(): Promise<void> {
    if (this.closed) return
    for (const processId of this.processes.keys()) {
      this.call('kill', { processId }).catch(() => {})
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    await Promise.race([
      Promise.all(this.exits),
      new Promise((resolve) => (timer = setTimeout(resolve, TEARDOWN_WAIT_MS))),
    ])
    clearTimeout(timer)
    this.socket.close(1000, 'teardown')
    this.closedBySocket(false)
  }

  private call<M extends keyof RequestMap>(
    method: M,
    params: RequestMap[M]['params'],
  ): Promise<RequestMap[M]['result']> {
    if (this.closed || this.socket.readyState !== OPEN) {
      return Promise.reject(
        new Error(
          `The local runtime connection is closed, so ${method} cannot run; reload the page to start a new sandbox.`,
        ),
      )
    }
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
      })
      this.socket.send(JSON.stringify({ kind: 'request', id, method, params }))
    })
  }

  private receive(message: ServerMessage): void {
    if (message.kind === 'response') {
      const waiting = this.pending.get(message.id)
      this.pending.delete(message.id)
      if (!waiting) return
      if (message.ok) waiting.resolve(message.result)
      else waiting.reject(new Error(message.error))
      return
    }
    this.push(message)
  }

  private push(message: PushMessage): void {
    switch (message.event) {
      case 'output': {
        const { processId, data } = message.payload
        const live = this.processes.get(processId)
        if (live && !live.cancelled) live.output.enqueue(data)
        break
      }
      case 'exit': {
        const { processId, code } = message.payload
        this.endProcess(processId, code)
        break
      }
      case 'port': {
        const { port, type, proxyPort } = message.payload
        this.events.emit('port', port, type, this.previewUrl(proxyPort))
        break
      }
      case 'server-ready': {
        const { port, proxyPort } = message.payload
        this.events.emit('server-ready', port, this.previewUrl(proxyPort))
        break
      }
      case 'watch': {
        const { watchId, event, filename } = message.payload
        this.watchers.get(watchId)?.(event, filename)
        break
      }
      case 'error':
        this.events.emit('error', message.payload)
    }
  }

  /** Same host name as the page, so the preview is same-site with it. */
  private previewUrl(proxyPort: number): string {
    const host =
      this.hostname.includes(':') && !this.hostname.startsWith('[')
        ? `[${this.hostname}]`
        : this.hostname
    return `http://${host}:${proxyPort}`
  }

  private endProcess(processId: number, code: number): void {
    const live = this.processes.get(processId)
    if (!live) return
    this.processes.delete(processId)
    if (!live.cancelled) live.output.close()
    live.resolveExit(code)
  }

  /**
   * Settles everything still waiting: requests fail, processes report exit
   * code -1 (the server killed them when the socket closed).
   */
  private closedBySocket(unexpected = true): void {
    if (this.closed) return
    this.closed = true
    this.detachAbort()
    if (unexpected) {
      this.events.emit('error', {
        message:
          'The connection to the local runtime closed and its processes were stopped; reload the page to run the example again.',
      })
    }
    for (const { reject } of this.pending.values()) {
      reject(new Error('The local runtime connection closed before answering.'))
    }
    this.pending.clear()
    for (const processId of [...this.processes.keys()]) {
      this.endProcess(processId, -1)
    }
    this.watchers.clear()
    this.events.clear()
  }
}

function toWireTree(tree: FileTree): WireTree {
  const out: WireTree = {}
  for (const [name, node] of Object.entries(tree)) {
    out[name] =
      'directory' in node
        ? { directory: toWireTree(node.directory) }
        : { file: toWire(node.file.contents) }
  }
  return out
}
