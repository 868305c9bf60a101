/**
 * CSRF protection is off to keep the example about sessions. A real Boring
 * Stack app turns it on and sends the token with every form.
 */
module.exports.security = {
  csrf: false,
}
