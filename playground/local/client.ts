import type { LocalRuntimeOffer } from '../container/choose-runtime'
import type { Container } from '../container/types'
import { LocalContainer, type WebSocketLike } from './local-container'
import { requestLocalRuntime } from './request-offer'

export type { WebSocketLike } from './local-container'

/** Options of {@link connectLocalContainer}. */
export interface ConnectLocalOptions {
  /** Aborting cancels the connection, or tears the container down once connected. */
  signal?: AbortSignal
  /** The page's origin. @default location.origin */
  origin?: string
  /** A token already obtained by {@link requestLocalRuntime}. */
  offer?: LocalRuntimeOffer | null
  /** @default globalThis.fetch */
  fetch?: typeof fetch
  /** Opens the socket; Node tests pass one that sets the Origin header. */
  createSocket?: (url: string) => WebSocketLike
}

/**
 * Connects to the local runtime of the page's origin and returns a
 * {@link Container} backed by a sandbox on that server. One connection is one
 * sandbox: closing it (teardown, abort, or leaving the page) ends the
 * sandbox's processes and removes its files.
 */
export async function connectLocalContainer(
  options: ConnectLocalOptions = {},
): Promise<Container> {
  const { signal } = options
  signal?.throwIfAborted()
  const origin = options.origin ?? location.origin
  const offer =
    options.offer ?? (await requestLocalRuntime({ ...options, origin }))
  if (!offer) {
    throw new Error(
      `${origin} offers no local runtime (POST /__playground/session failed); start the docs with “npm run dev” or “npm run preview” to run examples locally.`,
    )
  }

  const wsUrl = new URL(offer.wsPath, origin)
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:'
  wsUrl.searchParams.set('token', offer.token)
  const createSocket =
    options.createSocket ??
    ((url: string) => new WebSocket(url) as unknown as WebSocketLike)
  const socket = createSocket(wsUrl.href)
  await opened(socket, signal)
  return new LocalContainer(socket, new URL(origin).hostname, signal)
}

function opened(socket: WebSocketLike, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      socket.close()
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
    socket.addEventListener('open', () => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    })
    // Browsers and `ws` report a refused upgrade as 'error', then 'close'.
    socket.addEventListener('error', () => {})
    socket.addEventListener('close', () => {
      signal?.removeEventListener('abort', onAbort)
      reject(
        new Error(
          'The local runtime refused the connection (another origin, a used token, or too many open pages); reload the page to try again.',
        ),
      )
    })
  })
}
