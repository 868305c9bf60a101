/**
 * The email and password did not match an account: show the form again with
 * what was typed, and leave the session without a `userId`.
 */
module.exports = function badCombo() {
  const { req, res } = this

  return res.status(401).view('pages/login', {
    email: String(req.param('email') || ''),
    error: 'Wrong email/password. Check both and try again.',
  })
}
