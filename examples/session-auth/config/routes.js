/**
 * Every route of the app.
 */
module.exports.routes = {
  'GET /': 'dashboard/view-home',
  'GET /login': 'auth/view-login',
  'POST /login': 'auth/login',
  'POST /logout': 'auth/logout',
}
