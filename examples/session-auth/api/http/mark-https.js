/**
 * Tells express-session the connection is HTTPS when the app runs behind a
 * proxy that ends TLS and forwards plain HTTP, as a WebContainer preview does.
 *
 * express-session only sends a `Secure` cookie over a connection it believes
 * is HTTPS; with `session.proxy: true` it believes `X-Forwarded-Proto`. Sails
 * rejects `cookie.secure: 'auto'`, so the app states it here instead. app.js
 * turns this on with `SESSION_COOKIE_CROSS_SITE=1`.
 *
 * @param {import('express').Request} req
 * @param {import('express').Response} res
 * @param {() => void} next
 */
module.exports = function markHttps(req, res, next) {
  if (sails.config.custom.connectionIsHttps) {
    req.headers['x-forwarded-proto'] = 'https'
  }
  next()
}
