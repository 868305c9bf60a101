/**
 * A Redis-protocol stand-in FOR THE BROWSER CONTAINER ONLY.
 *
 * A StackBlitz WebContainer cannot run the `redis-server` binary, so when the
 * example app's session store points at Redis, the playground starts this
 * small server on port 6379 inside the container instead. It speaks RESP2
 * (requests are read with the npm `redis-parser`), keeps string keys with
 * real expiry in memory, and implements exactly the commands the redis@3
 * client and @sailshq/connect-redis send; replies are held byte for byte to
 * redis-server 7.0 by `tests/integration/redis-conformance.test.ts`.
 *
 * Everywhere else Redis is the real `redis-server`. Outside the container
 * only tests and an explicit local-runtime option may start this.
 */
import { createServer, type Socket } from 'node:net'
import { dispatch, type Client } from './commands'
import type { InfoContext } from './info'
import { Keyspace } from './keyspace'
import { OK, errors } from './replies'
import { RequestReader } from './request-reader'

export interface RedisStandinOptions {
  /** TCP port; 0 (the default) lets the kernel choose one. */
  port?: number
  /** Address to listen on; loopback unless a caller says otherwise. */
  host?: string
}

/** A running stand-in, owned by whoever started it. */
export interface RedisStandin {
  /** The port it really listens on. */
  port: number
  /** Stops listening and drops every connection; resolves once closed. */
  close(): Promise<void>
}

/** Starts the stand-in; resolves once it accepts connections. */
export async function startRedisStandin(
  options: RedisStandinOptions = {},
): Promise<RedisStandin> {
  const { port = 0, host = '127.0.0.1' } = options
  const keyspace = new Keyspace()
  const sockets = new Set<Socket>()
  const startedAt = Date.now()
  let boundPort = port

  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    serveConnection(socket, keyspace, () => ({
      keyspace,
      port: boundPort,
      startedAt,
      connectedClients: sockets.size,
    }))
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `The Redis stand-in cannot listen on ${host}:${port}: the port ` +
                'is taken. Stop what uses it or pass another --port.',
            )
          : error,
      )
    })
    server.listen(port, host, resolve)
  })
  const address = server.address()
  if (address !== null && typeof address === 'object') boundPort = address.port

  return {
    port: boundPort,
    close() {
      return new Promise((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
    },
  }
}

/**
 * Answers one connection's commands in order. Like redis-server, replies to
 * commands that arrived together go out in one write, and QUIT or a
 * protocol error sends its reply and then closes, ignoring what follows.
 */
function serveConnection(
  socket: Socket,
  keyspace: Keyspace,
  info: () => InfoContext,
) {
  const reader = new RequestReader()
  const client: Client = { db: 0, name: undefined }
  let closing = false

  socket.on('error', () => socket.destroy())
  socket.on('data', (chunk: Buffer) => {
    if (closing) return
    const replies: Buffer[] = []

    for (const request of reader.push(chunk)) {
      if ('protocolError' in request) {
        replies.push(errors.protocol(request.protocolError))
        closing = true
        break
      }
      // redis-server 7.0 answers QUIT before looking at its arguments.
      if (request[0]!.toLowerCase() === 'quit') {
        replies.push(OK)
        closing = true
        break
      }
      const database = keyspace.databases[client.db]!
      replies.push(dispatch(request, { keyspace, client, database, info }))
    }

    if (closing) socket.end(Buffer.concat(replies))
    else if (replies.length > 0) socket.write(Buffer.concat(replies))
  })
}
