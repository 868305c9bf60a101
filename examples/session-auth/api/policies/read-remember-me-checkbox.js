/**
 * A checked HTML checkbox with no `value` attribute is sent as `on`, which
 * Sails does not read as a boolean. This turns it into `true` so the login
 * action can declare `rememberMe` as the boolean it is.
 *
 * @param {import('express').Request} req
 * @param {import('express').Response} res
 * @param {() => void} proceed
 */
module.exports = async function (req, res, proceed) {
  if (req.body && req.body.rememberMe === 'on') {
    req.body.rememberMe = true
  }
  return proceed()
}
