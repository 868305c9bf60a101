/**
 * Reads one `Set-Cookie` header as the browser will.
 *
 * @param {string} header
 * @returns {import('../../../../../playground/inspector/session-event').SentCookie}
 */
module.exports = function parseSetCookie(header) {
  const [pair = '', ...attributes] = header.split(';')
  const equals = pair.indexOf('=')

  /** @type {Map<string, string>} */
  const found = new Map()
  for (const attribute of attributes) {
    const [key = '', ...value] = attribute.split('=')
    found.set(key.trim().toLowerCase(), value.join('=').trim())
  }

  const expires = found.get('expires')
  const maxAge = found.get('max-age')
  return {
    header,
    name: pair.slice(0, equals).trim(),
    value: pair.slice(equals + 1).trim(),
    expires: expires ? new Date(expires).toISOString() : null,
    maxAge: maxAge === undefined ? null : Number(maxAge),
    httpOnly: found.has('httponly'),
    secure: found.has('secure'),
    sameSite: found.get('samesite') ?? null,
    partitioned: found.has('partitioned'),
    path: found.get('path') ?? null,
  }
}
