/**
 * Settings of this app that are not Sails' own.
 */
module.exports.custom = {
  /** How long "Remember me" keeps a reader logged in: 30 days, in ms. */
  rememberMeCookieMaxAge: 30 * 24 * 60 * 60 * 1000,
}
