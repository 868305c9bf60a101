/**
 * True when a `config/session.js` chooses the Redis store, as the Session
 * page's two lines do (`adapter: '@sailshq/connect-redis'`). Both runtimes
 * ask this before lifting the app, to have a Redis answer on the URL it
 * names: the local runtime starts one, a WebContainer the stand-in.
 * Commented-out lines do not count.
 */
export function sessionConfigUsesRedis(source: string): boolean {
  const code = source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"])\/\/.*$/gm, '$1')
  return /adapter\s*:\s*(['"`])@sailshq\/connect-redis\1/.test(code)
}

/** Where the app keeps its session config, relative to the app's folder. */
export const SESSION_CONFIG_FILE = 'config/session.js'
