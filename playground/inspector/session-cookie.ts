/**
 * Reads the session id out of an express-session cookie value. The value is
 * `s:` + the id + `.` + a signature, URL-encoded; anything else is returned
 * as it is, so an unsigned or unknown cookie still compares by value.
 */
export function sessionIdFromCookie(value: string): string {
  let decoded = value
  try {
    decoded = decodeURIComponent(value)
  } catch {
    return value
  }
  if (!decoded.startsWith('s:')) return decoded
  const dot = decoded.lastIndexOf('.')
  return dot > 2 ? decoded.slice(2, dot) : decoded.slice(2)
}

/** Shortens an id or a cookie value for display: the start, an ellipsis, the end. */
export function shorten(value: string, keep = 6): string {
  if (value.length <= keep * 2 + 1) return value
  return `${value.slice(0, keep)}…${value.slice(-keep)}`
}

/**
 * Says how far ahead a date is, in the largest unit that reads naturally:
 * "30 days", "1 day", "5 minutes", "12 seconds".
 */
export function describeDuration(ms: number): string {
  const seconds = Math.round(ms / 1000)
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
    [1, 'second'],
  ]
  for (const [size, name] of units) {
    if (Math.abs(seconds) >= size || size === 1) {
      const count = Math.round(seconds / size)
      return `${count} ${name}${count === 1 ? '' : 's'}`
    }
  }
  return `${seconds} seconds`
}
