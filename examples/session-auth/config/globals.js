/**
 * Globals the app's code relies on: `sails`, `_` is not exposed, and every
 * model (here `User`) is a global, as in a Boring Stack app.
 */
module.exports.globals = {
  _: false,
  async: false,
  models: true,
  sails: true,
}
