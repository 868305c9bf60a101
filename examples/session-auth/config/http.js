/**
 * The HTTP middleware every request goes through, in order.
 *
 * `sessionInspector` comes first so that it reports every request, even those
 * refused before they reach a route. `markHttps` and `session` are this app's
 * own: see the files they come from. Bodies over 1 MB are refused with 413
before any action runs.
 */
module.exports.http = {
  middleware: {
    order: [
      'sessionInspector',
      'cookieParser',
      'markHttps',
      'session',
      'bodyParser',
      'compress',
      'router',
      'www',
      'favicon',
    ],

    sessionInspector: (req, res, next) =>
      sails.hooks['session-inspector'].observe(req, res, next),

    markHttps: require('../api/http/mark-https'),

    session: require('../api/http/session'),

    bodyParser: require('../api/http/body-parser'),
  },
}
