import type { RawData, WebSocket } from 'ws'
import type { FileTree } from '../../container/types'
import {
  base64ToBytes,
  bytesToBase64,
  type PushMap,
  type RequestMap,
  type RequestMessage,
  type ServerMessage,
  type WireContents,
  type WireTree,
} from '../protocol'
import { RuntimeError } from './runtime-error'
import type { Sandbox } from './sandbox'

type Handlers = {
  [M in keyof RequestMap]: (
    params: RequestMap[M]['params'],
  ) => Promise<RequestMap[M]['result']>
}

/**
 * Serves one page over its WebSocket: answers requests against the page's
 * sandbox and pushes the sandbox's events. Resolves `closed` once the socket
 * closed and the sandbox is disposed.
 */
export function servePage(socket: WebSocket, sandbox: Sandbox): Promise<void> {
  const send = (message: ServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message))
  }
  const push = <E extends keyof PushMap>(event: E, payload: PushMap[E]) =>
    send({ kind: 'push', event, payload } as ServerMessage)

  const { events } = sandbox
  events.on('output', (processId, data) => push('output', { processId, data }))
  events.on('exit', (processId, code) => push('exit', { processId, code }))
  events.on('port', (port, type, proxyPort) =>
    push('port', { port, type, proxyPort }),
  )
  events.on('server-ready', (port, proxyPort) =>
    push('server-ready', { port, proxyPort }),
  )
  events.on('error', (message) => push('error', { message }))

  const handlers: Handlers = {
    mount: async ({ tree }) => (await sandbox.mount(fromWireTree(tree)), null),
    readFile: async ({ path }) => ({
      base64: bytesToBase64(await sandbox.readFile(path)),
    }),
    writeFile: async ({ path, contents }) => {
      await sandbox.writeFile(path, fromWire(contents))
      return null
    },
    readdir: ({ path }) => sandbox.readdir(path),
    mkdir: async ({ path, recursive }) => {
      await sandbox.mkdir(path, recursive)
      return null
    },
    rm: async ({ path, recursive, force }) => {
      await sandbox.rm(path, recursive, force)
      return null
    },
    watch: async ({ path, watchId }) => {
      await sandbox.watch(watchId, path, (event, filename) =>
        push('watch', { watchId, event, filename }),
      )
      return null
    },
    unwatch: async ({ watchId }) => (sandbox.unwatch(watchId), null),
    spawn: async ({ processId, command, args, env, cwd }) => {
      await sandbox.spawn(processId, command, args, { env, cwd })
      return null
    },
    kill: async ({ processId }) => (void sandbox.kill(processId), null),
    input: async ({ processId, data }) => (
      sandbox.write(processId, data),
      null
    ),
  }

  socket.on('message', (raw: RawData) => {
    let message: RequestMessage
    try {
      message = JSON.parse(raw.toString()) as RequestMessage
    } catch {
      return socket.close(1003, 'Messages must be JSON.')
    }
    if (typeof message !== 'object' || message === null) {
      return socket.close(1003, 'Messages must be JSON objects.')
    }
    const handler = Object.hasOwn(handlers, message.method)
      ? (handlers[message.method] as (params: unknown) => Promise<unknown>)
      : undefined
    if (message.kind !== 'request' || !handler) {
      return send({
        kind: 'response',
        id: message.id,
        ok: false,
        error: `The local runtime has no method ${JSON.stringify(message.method)}.`,
      })
    }
    Promise.resolve()
      .then(() => handler(message.params ?? {}))
      .then(
        (result) =>
          send({ kind: 'response', id: message.id, ok: true, result }),
        (error: unknown) =>
          send({
            kind: 'response',
            id: message.id,
            ok: false,
            error: describe(error),
          }),
      )
  })

  // An oversized or malformed frame arrives as 'error' and is followed by
  // 'close'; unhandled, it would crash the dev server.
  socket.on('error', () => {})

  return new Promise((resolve) => {
    socket.once('close', () => {
      void sandbox.dispose().finally(resolve)
    })
  })
}

function describe(error: unknown): string {
  if (error instanceof RuntimeError) return error.message
  const { code, message } = error as NodeJS.ErrnoException
  // Node's messages carry the absolute sandbox path; the page knows only
  // relative paths, so it gets the error code and a sentence.
  if (code === 'ENOENT')
    return 'No such file or folder in the sandbox (ENOENT).'
  if (code === 'EEXIST')
    return 'That path already exists in the sandbox (EEXIST).'
  if (code === 'ENOTDIR')
    return 'A part of that path is not a folder (ENOTDIR).'
  if (code === 'EISDIR') return 'That path is a folder, not a file (EISDIR).'
  if (code === 'ENOTEMPTY')
    return 'That folder is not empty; pass { recursive: true } (ENOTEMPTY).'
  return code ? `The sandbox refused the call (${code}).` : String(message)
}

function fromWire(contents: WireContents): string | Uint8Array {
  return 'text' in contents ? contents.text : base64ToBytes(contents.base64)
}

function fromWireTree(tree: WireTree): FileTree {
  const out: FileTree = {}
  for (const [name, node] of Object.entries(tree)) {
    out[name] =
      'directory' in node
        ? { directory: fromWireTree(node.directory) }
        : { file: { contents: fromWire(node.file) } }
  }
  return out
}
