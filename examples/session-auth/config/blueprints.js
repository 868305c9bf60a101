/**
 * No automatic routes: every route this app answers is in `config/routes.js`.
 */
module.exports.blueprints = {
  actions: false,
  rest: false,
  shortcuts: false,
}
