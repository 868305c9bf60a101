import { existsSync } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { WebSocketServer } from 'ws'
import { SESSION_PATH, WS_PATH } from '../protocol'
import { defaultLimits, type RuntimeLimits } from './limits'
import { refuseForeignOrigin } from './page-origin'
import { servePage } from './page-connection'
import { defaultCommands, Sandbox } from './sandbox'
import { redisModeFromEnv, type SandboxRedisMode } from './sandbox-redis'
import { TokenStore } from './token-store'

/** Options of {@link createLocalRuntime}. */
export interface LocalRuntimeOptions {
  /**
   * Folder linked as `node_modules` in every sandbox after a mount.
   * @default the repository's root `node_modules`
   */
  nodeModules?: string | null
  /**
   * Commands pages may start, mapped to what runs.
   * @default `{ node: process.execPath, npm: 'npm' }`
   */
  commands?: Record<string, string>
  /** Resource bounds; see {@link defaultLimits}. */
  limits?: Partial<RuntimeLimits>
  /** Host names besides loopback names that pages may be opened as. */
  allowedHosts?: string[]
  /**
   * The Redis an app gets when its session config asks for one: Debian's
   * `redis-server`, or the browser's stand-in to try the browser's path.
   * @default process.env.PLAYGROUND_REDIS, else 'redis-server'
   */
  redis?: SandboxRedisMode
}

/** A connect-style middleware. */
export type Middleware = (
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void

/** What {@link createLocalRuntime} returns. */
export interface LocalRuntime {
  /** Answers `POST /__playground/session`; passes other requests on. */
  middleware: Middleware
  /** Handles an upgrade to `/__playground/ws`; false for any other path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean
  /** Adds the upgrade handler to `server`; returns a function removing it. */
  attach(server: Server): () => void
  /** Sandboxes (connected pages) alive now. */
  readonly sandboxCount: number
  /** Closes every page's socket and removes every sandbox. */
  dispose(): Promise<void>
}

const rootNodeModules = fileURLToPath(
  new URL('../../../node_modules', import.meta.url),
)

/**
 * The Node side of the local runtime: hands each page a one-time token and
 * serves it a sandbox over a WebSocket. Mount `middleware` and `attach` it to
 * the HTTP server of the dev or preview server; see DESIGN.md for the
 * security boundary it keeps.
 */
export function createLocalRuntime(
  options: LocalRuntimeOptions = {},
): LocalRuntime {
  const limits = { ...defaultLimits, ...options.limits }
  const allowedHosts = options.allowedHosts ?? []
  const nodeModules =
    options.nodeModules === undefined
      ? existsSync(rootNodeModules)
        ? rootNodeModules
        : null
      : options.nodeModules
  const redis = options.redis ?? redisModeFromEnv(process.env.PLAYGROUND_REDIS)
  const tokens = new TokenStore()
  const pages = new Set<Promise<void>>()
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
  })
  let sandboxes = 0
  let disposed = false

  const middleware: Middleware = (req, res, next) => {
    if (pathOf(req) !== SESSION_PATH) return next()
    if (req.method !== 'POST') {
      return answer(res, 405, { error: `Use POST for ${SESSION_PATH}.` })
    }
    const refusal = refuseForeignOrigin(req, allowedHosts)
    if (refusal) return answer(res, 403, { error: refusal })
    answer(res, 200, { token: tokens.issue(), wsPath: WS_PATH })
  }

  const handleUpgrade = (
    req: IncomingMessage,
    socket: Duplex,
    head: Buffer,
  ): boolean => {
    if (pathOf(req) !== WS_PATH) return false
    const refusal =
      refuseForeignOrigin(req, allowedHosts) ??
      (tokens.consume(tokenOf(req))
        ? null
        : 'The token is missing, unknown or already used; reload the page to get a new one.')
    if (refusal) {
      refuseUpgrade(socket, 403, refusal)
      return true
    }
    if (disposed || sandboxes >= limits.maxSandboxes) {
      refuseUpgrade(
        socket,
        503,
        `The local runtime already serves ${sandboxes} pages, its limit; close another page with a running example and reload this one.`,
      )
      return true
    }

    sandboxes++
    const release = () => sandboxes--
    // The sandbox exists before the upgrade completes, so no message of the
    // page arrives before someone listens.
    void Sandbox.create({
      nodeModules,
      commands: options.commands ?? defaultCommands,
      limits,
      redis,
    }).then(
      (sandbox) => {
        if (socket.destroyed) return void sandbox.dispose().finally(release)
        let served = false
        socket.once('close', () => {
          if (!served) void sandbox.dispose().finally(release)
        })
        wss.handleUpgrade(req, socket, head, (ws) => {
          served = true
          const page = servePage(ws, sandbox).finally(() => {
            release()
            pages.delete(page)
          })
          pages.add(page)
        })
      },
      (error: Error) => {
        release()
        refuseUpgrade(
          socket,
          503,
          `No sandbox could be created: ${error.message}`,
        )
      },
    )
    return true
  }

  return {
    middleware,
    handleUpgrade,
    attach(server) {
      const listener = (req: IncomingMessage, socket: Duplex, head: Buffer) =>
        void handleUpgrade(req, socket, head)
      server.on('upgrade', listener)
      return () => void server.off('upgrade', listener)
    },
    get sandboxCount() {
      return sandboxes
    },
    async dispose() {
      disposed = true
      for (const client of wss.clients) client.close(1001, 'The server stops.')
      await Promise.all(pages)
      wss.close()
    },
  }
}

function pathOf(req: IncomingMessage): string {
  return new URL(req.url ?? '/', 'http://x').pathname
}

function tokenOf(req: IncomingMessage): string | null {
  return new URL(req.url ?? '/', 'http://x').searchParams.get('token')
}

function answer(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  })
  res.end(JSON.stringify(body))
}

function refuseUpgrade(socket: Duplex, status: number, message: string): void {
  const reason = status === 403 ? 'Forbidden' : 'Service Unavailable'
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(message)}\r\n\r\n${message}`,
  )
}
