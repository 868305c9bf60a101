/**
 * Lets the request through when the session names a user; sends everyone
 * else to the login form.
 *
 * @param {import('express').Request} req
 * @param {import('express').Response} res
 * @param {() => void} proceed
 */
module.exports = async function (req, res, proceed) {
  if (req.session.userId) {
    return proceed()
  }
  return res.redirect('/login')
}
