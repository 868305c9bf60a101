/**
 * How long a request may wait for the session store before the reader gets a
 * 503 instead of a page that never loads.
 */
const STORE_TIMEOUT_MS = 2000

/**
 * Loads the request's session, like Sails' own session middleware, but a
 * store that fails or does not answer in time (Redis gone away) gives a 503
 * page that says so, instead of Sails' 400 with a stack trace or a hang.
 *
 * @param {import('express').Request} req
 * @param {import('express').Response} res
 * @param {(err?: unknown) => void} next
 */
module.exports = function session(req, res, next) {
  let settled = false

  const timer = setTimeout(() => {
    settle(
      new Error(`The session store gave no answer in ${STORE_TIMEOUT_MS} ms.`),
    )
  }, STORE_TIMEOUT_MS)

  /** @param {unknown} [err] */
  function settle(err) {
    if (settled || res.headersSent) return
    settled = true
    clearTimeout(timer)

    if (!err) return next()
    sails.log.warn(`Session store unreachable: ${describe(err)}`)
    res.status(503).type('html').send(UNAVAILABLE_PAGE)
  }

  sails._privateSessionMiddleware(req, res, settle)
}

/** @param {unknown} err */
function describe(err) {
  return err instanceof Error ? err.message : String(err)
}

const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Session store unreachable</title></head>
  <body style="font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto">
    <h1>Session store unreachable</h1>
    <p>The session store is unreachable, so this request could not load its
    session. Start Redis again (or switch config/session.js back to the memory
    store) and reload the page.</p>
  </body>
</html>
`
