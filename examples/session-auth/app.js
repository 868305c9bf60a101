/**
 * Lifts the app: `node app.js`.
 *
 * The environment can change where it listens and how it keeps sessions,
 * without touching config/session.js (readers replace that file with the
 * Session page's two lines):
 *
 * - `PORT` (default 1337) and `HOST` (default: every interface).
 * - `SESSION_STORE=redis` keeps sessions in Redis through
 *   `@sailshq/connect-redis`, as the Session page's config/session.js does.
 * - `REDIS_URL` replaces the session store's `url`, however Redis was chosen.
 * - `SESSION_COOKIE_CROSS_SITE=1` makes the session cookie
 *   `SameSite=None; Secure; Partitioned` and treats every request as HTTPS,
 *   for a preview framed by a page of another site (a WebContainer).
 */
const sails = require('sails')

const port = Number(process.env.PORT) || 1337
const host = process.env.HOST || undefined
const baseUrl = `http://${host || 'localhost'}:${port}`
const crossSite = process.env.SESSION_COOKIE_CROSS_SITE === '1'

/** @type {Record<string, unknown>} */
const session = {
  // Fail a command at once while Redis is away instead of queueing it until
  // Redis returns, which would leave requests hanging.
  enable_offline_queue: false,
  retry_strategy: retryRedis,
}
if (process.env.SESSION_STORE === 'redis') {
  session.adapter = '@sailshq/connect-redis'
}
if (process.env.REDIS_URL) {
  session.url = process.env.REDIS_URL
}
if (crossSite) {
  session.proxy = true
  session.cookie = { sameSite: 'none', secure: true, partitioned: true }
}

sails.lift(
  {
    port,
    explicitHost: host,
    session,
    custom: { baseUrl, connectionIsHttps: crossSite },
  },
  (err) => {
    if (err) {
      console.error(describeLiftError(err, sails.config.session))
      process.exit(1)
    }
    console.log(`Session demo listening on ${baseUrl}`)
  },
)

/**
 * How the Redis client reconnects. Before it ever connected, it gives up so
 * that lifting fails at once; afterwards it keeps trying every half second so
 * that requests work again soon after Redis comes back.
 *
 * @param {{ times_connected: number, error?: Error }} attempt
 */
function retryRedis({ times_connected, error }) {
  if (times_connected === 0) return error || new Error('Redis refused.')
  return 500
}

/**
 * One sentence about why lifting failed, naming the Redis URL when the
 * session store is what could not be reached.
 *
 * @param {any} err
 * @param {{ adapter?: string, url?: string }} sessionConfig
 */
function describeLiftError(err, sessionConfig) {
  const text = String((err && err.stack) || err)
  const usesRedis = /connect-redis/.test(String(sessionConfig.adapter))
  if (usesRedis && /ECONNREFUSED|Redis|ENOTFOUND|EAI_AGAIN/.test(text)) {
    return (
      `Could not reach Redis at ${sessionConfig.url || 'redis://localhost:6379'} ` +
      'for the session store: start redis-server, or set config/session.js ' +
      'back to the memory store.'
    )
  }
  return `The app could not lift: ${text}`
}
