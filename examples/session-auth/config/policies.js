/**
 * Who may run which action. Everything needs a logged-in user except the
 * login form and the actions that log in and out.
 */
module.exports.policies = {
  '*': 'is-logged-in',
  'auth/view-login': true,
  'auth/login': 'read-remember-me-checkbox',
  'auth/logout': true,
}
