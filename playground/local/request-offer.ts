import type { LocalRuntimeOffer } from '../container/choose-runtime'
import { SESSION_PATH } from './protocol'

/** Options of {@link requestLocalRuntime}. */
export interface RequestOfferOptions {
  /** The page's origin. @default location.origin */
  origin?: string
  signal?: AbortSignal
  /** @default globalThis.fetch */
  fetch?: typeof fetch
}

/**
 * Asks the page's own origin whether it runs examples itself: a server with
 * the local runtime answers `POST /__playground/session` with a one-time
 * token. Resolves null when the origin has no local runtime (a static host).
 */
export async function requestLocalRuntime(
  options: RequestOfferOptions = {},
): Promise<LocalRuntimeOffer | null> {
  const origin = options.origin ?? location.origin
  const doFetch = options.fetch ?? globalThis.fetch
  let response: Response
  try {
    response = await doFetch(new URL(SESSION_PATH, origin), {
      method: 'POST',
      signal: options.signal,
      headers: { accept: 'application/json' },
    })
  } catch (error) {
    if (options.signal?.aborted) throw error
    return null
  }
  if (!response.ok) return null
  const body = (await response
    .json()
    .catch(() => null)) as Partial<LocalRuntimeOffer> | null
  if (typeof body?.token !== 'string' || typeof body.wsPath !== 'string') {
    return null
  }
  return { token: body.token, wsPath: body.wsPath }
}
