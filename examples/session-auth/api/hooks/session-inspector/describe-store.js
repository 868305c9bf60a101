/**
 * How long the inspector waits for the store to answer before it reports the
 * store as unreachable.
 */
const STORE_TIMEOUT_MS = 1000

/**
 * @typedef {import('../../../../../playground/inspector/session-event').SessionStoreInfo} SessionStoreInfo
 * @typedef {import('express-session').Store & {
 *   client?: { ttl(key: string, cb: (err: Error | null, ttl: number) => void): void, connected?: boolean },
 *   prefix?: string,
 *   length?: (cb: (err: unknown, length?: number) => void) => void,
 * }} InspectedStore
 */

/**
 * Asks the session store how many sessions it holds and, for Redis, how long
 * this session's key has left. A store that fails or does not answer in time
 * is reported as unreachable rather than delaying the report.
 *
 * @param {InspectedStore | undefined} store
 * @param {string | null} sessionId
 * @returns {Promise<SessionStoreInfo>}
 */
module.exports = async function describeStore(store, sessionId) {
  const kind = isRedisStore(store) ? 'redis' : 'memory'
  if (!store) return { kind, sessions: null, ttl: null, reachable: true }

  try {
    const sessions = await within((cb) =>
      store.length ? store.length(cb) : cb(null, undefined),
    )
    const ttl =
      kind === 'redis' && sessionId !== null && store.client
        ? await within((cb) =>
            store.client.ttl(`${store.prefix ?? 'sess:'}${sessionId}`, cb),
          )
        : null
    return {
      kind,
      sessions: typeof sessions === 'number' ? sessions : null,
      // Redis answers -2 for a key it does not hold.
      ttl: typeof ttl === 'number' && ttl >= 0 ? ttl : null,
      reachable: true,
    }
  } catch {
    return { kind, sessions: null, ttl: null, reachable: false }
  }
}

/**
 * @param {InspectedStore | undefined} store
 */
function isRedisStore(store) {
  return Boolean(
    store && store.client && typeof store.client.ttl === 'function',
  )
}

/**
 * Runs a callback-style call, failing if it does not answer in time.
 *
 * @template T
 * @param {(cb: (err: unknown, value?: T) => void) => void} call
 * @returns {Promise<T | undefined>}
 */
function within(call) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('The session store did not answer.')),
      STORE_TIMEOUT_MS,
    )
    call((err, value) => {
      clearTimeout(timer)
      if (err) reject(err)
      else resolve(value)
    })
  })
}
