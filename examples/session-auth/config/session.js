/**
 * Sessions live in memory: they are gone when the server stops.
 *
 * To keep them in Redis, replace this file with the two lines the Session page
 * shows (`adapter: '@sailshq/connect-redis'` and `url`), or lift with
 * `SESSION_STORE=redis` (see app.js).
 */
module.exports.session = {
  // A fixed secret is fine for a demo that holds no real accounts; a real app
  // reads it from the environment so it never sits in the repository.
  secret: 'f3c9a1d27be84e0c9d5b6a7e2c41f8b0-session-auth-demo',
  adapter: 'memory',
}
