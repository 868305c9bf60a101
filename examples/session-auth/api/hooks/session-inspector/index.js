const describeStore = require('./describe-store')
const parseSetCookie = require('./parse-set-cookie')

/**
 * Starts every event line; the same marker as `SESSION_EVENT_MARKER` in
 * playground/inspector/session-event.ts, which defines the events.
 */
const MARKER = '@@session-event'

/**
 * @typedef {import('../../../../../playground/inspector/session-event').SessionEvent} SessionEvent
 * @typedef {import('../../../../../playground/inspector/session-event').SessionRequestEvent} SessionRequestEvent
 * @typedef {import('../../../../../playground/inspector/session-event').StoredCookie} StoredCookie
 */

/**
 * Reports what happens to sessions as one line per event on stdout, for the
 * page's live inspector: `lift` once the app listens, `request` after every
 * response, and `store` when Redis stops or starts answering.
 *
 * config/http.js puts {@link observe} first among the HTTP middleware.
 *
 * @param {any} sails
 */
module.exports = function sessionInspector(sails) {
  return {
    initialize(done) {
      sails.on('lifted', () => {
        watchRedis(sails)
        void describeStore(sails.config.session.store, null).then((store) =>
          emit({
            type: 'lift',
            time: new Date().toISOString(),
            url: sails.config.custom.baseUrl,
            store,
          }),
        )
      })
      done()
    },

    /**
     * Reports the request once its response has been sent.
     *
     * @param {import('express').Request} req
     * @param {import('express').Response} res
     * @param {() => void} next
     */
    observe(req, res, next) {
      res.once('finish', () => {
        void describeRequest(req, res).then(emit)
      })
      next()
    },
  }
}

/**
 * @param {import('express').Request} req
 * @param {import('express').Response} res
 * @returns {Promise<SessionRequestEvent>}
 */
async function describeRequest(req, res) {
  const session = req.session
  const sessionId = session ? req.sessionID : null
  const { cookie, ...data } = session ? JSON.parse(JSON.stringify(session)) : {}

  return {
    type: 'request',
    time: new Date().toISOString(),
    method: req.method,
    path: req.path,
    status: res.statusCode,
    sessionId,
    data,
    cookie: session ? storedCookie(session.cookie) : null,
    setCookie: sentSessionCookie(res),
    store: await describeStore(req.sessionStore, sessionId),
  }
}

/**
 * @param {import('express-session').Cookie} cookie
 * @returns {StoredCookie}
 */
function storedCookie(cookie) {
  const expires = cookie.expires
  return {
    originalMaxAge: cookie.originalMaxAge ?? null,
    expires: expires ? new Date(expires).toISOString() : null,
    httpOnly: Boolean(cookie.httpOnly),
    secure: Boolean(cookie.secure),
    sameSite: cookie.sameSite ?? null,
    partitioned: Boolean(/** @type {any} */ (cookie).partitioned),
  }
}

/**
 * The session cookie among the response's `Set-Cookie` headers, parsed.
 *
 * @param {import('express').Response} res
 */
function sentSessionCookie(res) {
  const name = sails.config.session.name || 'sails.sid'
  const raw = res.getHeader('set-cookie')
  const headers = Array.isArray(raw) ? raw : raw ? [String(raw)] : []
  const header = headers.find((value) => value.startsWith(`${name}=`))
  return header ? parseSetCookie(header) : null
}

/**
 * Reports Redis going away and coming back, once per change.
 *
 * @param {any} sails
 */
function watchRedis(sails) {
  const store = sails.config.session.store
  const client = store && store.client
  if (!client || typeof client.on !== 'function') return

  const url = sails.config.session.url
  let reachable = true
  /** @param {boolean} now @param {string} message */
  const report = (now, message) => {
    if (now === reachable) return
    reachable = now
    void describeStore(store, null).then((info) =>
      emit({
        type: 'store',
        time: new Date().toISOString(),
        store: { ...info, reachable: now },
        message,
      }),
    )
  }

  client.on('end', () =>
    report(false, `Redis at ${url} stopped answering; sessions cannot load.`),
  )
  client.on('ready', () =>
    report(true, `Redis at ${url} answers again; its sessions are back.`),
  )
}

/** @param {SessionEvent} event */
function emit(event) {
  process.stdout.write(`${MARKER} ${JSON.stringify(event)}\n`)
}
