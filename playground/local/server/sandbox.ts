import { watch as watchFs, type FSWatcher } from 'node:fs'
import {
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  realpath,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Emitter } from '../../container/emitter'
import type { FileTree } from '../../container/types'
import {
  SESSION_CONFIG_FILE,
  sessionConfigUsesRedis,
} from '../../session/uses-redis'
import { confinePath } from './confine-path'
import { freePort } from './free-port'
import { removeFolderOnExit } from './exit-cleanup'
import { defaultLimits, type RuntimeLimits } from './limits'
import { watchPort, type StopWatching } from './port-watch'
import { startPreviewProxy, type PreviewProxy } from './preview-proxy'
import { RuntimeError } from './runtime-error'
import { SandboxProcess } from './sandbox-process'
import { SandboxRedis, type SandboxRedisMode } from './sandbox-redis'

/** Options of {@link Sandbox.create}. */
export interface SandboxOptions {
  /**
   * Folder linked as the sandbox's `node_modules` after a mount, so examples
   * use the repository's install instead of installing per run. Null: none.
   */
  nodeModules: string | null
  /** Commands a page may start, mapped to the executable that runs. */
  commands: Record<string, string>
  limits: RuntimeLimits
  /** The Redis an app gets when its session config asks for one. */
  redis: SandboxRedisMode
}

/** Listener signatures of a sandbox's events. */
export interface SandboxEventMap {
  output: (processId: number, data: string) => void
  exit: (processId: number, code: number) => void
  port: (port: number, type: 'open' | 'close', proxyPort: number) => void
  'server-ready': (port: number, proxyPort: number) => void
  error: (message: string) => void
}

/** `node` runs this Node; `npm` is looked up on PATH. */
export const defaultCommands: Record<string, string> = {
  node: process.execPath,
  npm: 'npm',
}

/**
 * One page's sandbox: a temporary folder, the processes started in it, their
 * ports and preview proxies, and file watchers. Every path it is given is
 * confined to the folder; {@link Sandbox.dispose} ends all of it.
 */
export class Sandbox {
  readonly events = new Emitter<SandboxEventMap>()
  private readonly processes = new Map<number, SandboxProcess>()
  private readonly watchers = new Map<number, FSWatcher>()
  private readonly portWatches = new Set<StopWatching>()
  private readonly proxies = new Map<number, Promise<PreviewProxy>>()
  private bytesWritten = 0
  private disposed = false
  private readonly untrackFolder: () => void
  private readonly redis: SandboxRedis

  private constructor(
    /** Real path of the sandbox folder. */
    readonly root: string,
    private readonly options: SandboxOptions,
  ) {
    this.untrackFolder = removeFolderOnExit(root)
    this.redis = new SandboxRedis(root, options.redis)
  }

  /** Creates a sandbox folder under the OS temp folder. */
  static async create(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
    const root = await realpath(
      await mkdtemp(join(tmpdir(), 'boring-playground-')),
    )
    return new Sandbox(root, {
      nodeModules: options.nodeModules ?? null,
      commands: options.commands ?? defaultCommands,
      limits: options.limits ?? defaultLimits,
      redis: options.redis ?? 'redis-server',
    })
  }

  /** Writes a tree of files, then links `node_modules` if configured. */
  async mount(tree: FileTree, at = '.'): Promise<void> {
    this.assertAlive()
    await this.mountInto(tree, at)
    const { nodeModules } = this.options
    if (at === '.' && nodeModules) {
      const link = join(this.root, 'node_modules')
      const exists = await lstat(link).then(
        () => true,
        () => false,
      )
      if (!exists) await symlink(nodeModules, link, 'dir')
    }
  }

  private async mountInto(tree: FileTree, at: string): Promise<void> {
    for (const [name, node] of Object.entries(tree)) {
      if (name.includes('/') || name.includes('\\')) {
        throw new RuntimeError(
          `The file tree entry ${JSON.stringify(name)} contains a slash; nest it in a { directory } entry instead.`,
        )
      }
      const path = at === '.' ? name : `${at}/${name}`
      if ('directory' in node) {
        await this.mkdir(path, true)
        await this.mountInto(node.directory, path)
      } else {
        await this.writeFile(path, node.file.contents)
      }
    }
  }

  async readFile(path: string): Promise<Uint8Array> {
    this.assertAlive()
    return readFile(await confinePath(this.root, path))
  }

  async writeFile(path: string, contents: string | Uint8Array): Promise<void> {
    this.assertAlive()
    const size =
      typeof contents === 'string'
        ? Buffer.byteLength(contents)
        : contents.byteLength
    const { maxBytesWritten } = this.options.limits
    if (this.bytesWritten + size > maxBytesWritten) {
      throw new RuntimeError(
        `Writing ${JSON.stringify(path)} (${size} bytes) would pass the sandbox's limit of ${maxBytesWritten} bytes written; reload the page for a fresh sandbox.`,
      )
    }
    const target = await confinePath(this.root, path)
    this.bytesWritten += size
    await writeFile(target, contents)
  }

  async readdir(path: string): Promise<string[]> {
    this.assertAlive()
    return readdir(await confinePath(this.root, path))
  }

  async mkdir(path: string, recursive: boolean): Promise<void> {
    this.assertAlive()
    await mkdir(await confinePath(this.root, path), { recursive })
  }

  async rm(path: string, recursive: boolean, force: boolean): Promise<void> {
    this.assertAlive()
    const target = await confinePath(this.root, path)
    if (target === this.root) {
      throw new RuntimeError(
        'The sandbox folder itself cannot be removed; remove the files in it instead.',
      )
    }
    await rm(target, { recursive, force })
  }

  /** Watches a path; `watchId` names the watcher for {@link unwatch}. */
  async watch(
    watchId: number,
    path: string,
    listener: (event: 'rename' | 'change', filename: string) => void,
  ): Promise<void> {
    this.assertAlive()
    const target = await confinePath(this.root, path)
    const watcher = watchFs(target, (event, filename) => {
      listener(event, filename ?? '')
    })
    watcher.on('error', (error) => {
      this.events.emit('error', `Watching ${path} stopped: ${error.message}`)
      this.unwatch(watchId)
    })
    this.watchers.set(watchId, watcher)
  }

  unwatch(watchId: number): void {
    this.watchers.get(watchId)?.close()
    this.watchers.delete(watchId)
  }

  /**
   * Starts an allowed command with a clean environment: PATH of this server,
   * HOME set to the sandbox, HOST=127.0.0.1 and a free PORT unless the page
   * gives one. The runtime watches that port to report `port` and
   * `server-ready` events.
   */
  async spawn(
    processId: number,
    command: string,
    args: string[],
    options: { env?: Record<string, string>; cwd?: string | null } = {},
  ): Promise<SandboxProcess> {
    this.assertAlive()
    const file = Object.hasOwn(this.options.commands, command)
      ? this.options.commands[command]
      : undefined
    if (file === undefined) {
      throw new RuntimeError(
        `The command ${JSON.stringify(command)} is not allowed here; the local runtime runs only ${Object.keys(this.options.commands).join(' and ')}.`,
      )
    }
    if (this.processes.has(processId)) {
      throw new RuntimeError(`Process id ${processId} is already in use.`)
    }
    const live = [...this.processes.values()].filter((p) => p.running).length
    if (live >= this.options.limits.maxProcesses) {
      throw new RuntimeError(
        `This sandbox already runs ${live} processes, its limit; stop one before starting ${command}.`,
      )
    }

    const cwd = await confinePath(this.root, options.cwd ?? '.')
    const port = options.env?.PORT
      ? parsePort(options.env.PORT)
      : await freePort()
    const env: Record<string, string> = {
      ...(await this.redisEnv(command, options.env)),
      ...options.env,
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: this.root,
      HOST: options.env?.HOST ?? '127.0.0.1',
      PORT: String(port),
      npm_config_update_notifier: 'false',
    }

    const child = new SandboxProcess(
      file,
      args,
      { cwd, env },
      {
        onOutput: (data) => this.events.emit('output', processId, data),
        onExit: (code) => this.events.emit('exit', processId, code),
      },
    )
    this.processes.set(processId, child)
    this.watchListening(child, port)
    return child
  }

  /**
   * `REDIS_URL` for an app whose session config asks for Redis, pointing at
   * the sandbox's own Redis. When none can start, the page hears why and
   * the app is left to fail on the URL its config names.
   */
  private async redisEnv(
    command: string,
    env: Record<string, string> = {},
  ): Promise<Record<string, string>> {
    if (command !== 'node' || env.REDIS_URL) return {}
    const config = await this.readFile(SESSION_CONFIG_FILE).catch(() => null)
    if (!config || !sessionConfigUsesRedis(new TextDecoder().decode(config))) {
      return {}
    }
    try {
      return { REDIS_URL: await this.redis.url() }
    } catch (error) {
      this.events.emit('error', (error as Error).message)
      return {}
    }
  }

  /** Ends a process of this sandbox; resolves with its exit code. */
  kill(processId: number): Promise<number> | undefined {
    return this.processes.get(processId)?.kill()
  }

  write(processId: number, data: string): void {
    this.processes.get(processId)?.write(data)
  }

  private watchListening(child: SandboxProcess, port: number): void {
    let isOpen = false
    const stop = watchPort(port, (open) => {
      isOpen = open
      void this.reportPort(port, open)
    })
    this.portWatches.add(stop)
    void child.exited.then(() => {
      stop()
      this.portWatches.delete(stop)
      if (isOpen && !this.disposed) void this.reportPort(port, false)
    })
  }

  private async reportPort(port: number, open: boolean): Promise<void> {
    try {
      const proxy = await this.proxyFor(port)
      if (this.disposed) return
      this.events.emit('port', port, open ? 'open' : 'close', proxy.port)
      if (open) this.events.emit('server-ready', port, proxy.port)
    } catch (error) {
      this.events.emit(
        'error',
        `The preview proxy for port ${port} did not start: ${(error as Error).message}`,
      )
    }
  }

  /** One proxy per app port, kept for the sandbox's life so a restarted app keeps its preview URL. */
  private proxyFor(port: number): Promise<PreviewProxy> {
    let proxy = this.proxies.get(port)
    if (!proxy) this.proxies.set(port, (proxy = startPreviewProxy(port)))
    return proxy
  }

  /** Kills every process, closes watchers and proxies, removes the folder. */
  async dispose(): Promise<void> {
    if (this.disposed) return
    this.disposed = true
    for (const stop of this.portWatches) stop()
    this.portWatches.clear()
    for (const id of [...this.watchers.keys()]) this.unwatch(id)
    await Promise.all([...this.processes.values()].map((p) => p.kill()))
    await this.redis.dispose()
    const proxies = await Promise.allSettled(this.proxies.values())
    await Promise.all(
      proxies.map((p) => (p.status === 'fulfilled' ? p.value.close() : null)),
    )
    this.events.clear()
    // rm does not follow the node_modules symlink; it removes the link.
    await rm(this.root, { recursive: true, force: true })
    this.untrackFolder()
  }

  private assertAlive(): void {
    if (this.disposed) {
      throw new RuntimeError(
        'This sandbox was closed; reload the page to start a new one.',
      )
    }
  }
}

function parsePort(value: string): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new RuntimeError(
      `PORT=${JSON.stringify(value)} is not a port the sandbox can use; give a number from 1024 to 65535 or leave PORT out.`,
    )
  }
  return port
}
