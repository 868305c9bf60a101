/** The largest request body the app reads. */
const LIMIT = '1mb'

const skipper = require('skipper')({ limit: LIMIT })

/**
 * Reads form and JSON bodies with Skipper, as Sails does, and answers a body
 * over {@link LIMIT} with 413. Sails would pass the parser's error on and
 * answer 500.
 *
 * @param {import('express').Request} req
 * @param {import('express').Response} res
 * @param {(err?: unknown) => void} next
 */
module.exports = function bodyParser(req, res, next) {
  skipper(req, res, (/** @type {any} */ err) => {
    if (err && (err.status === 413 || err.type === 'entity.too.large')) {
      return res
        .status(413)
        .type('text')
        .send(`The request body is over ${LIMIT}: send less than that.`)
    }
    next(err)
  })
}
