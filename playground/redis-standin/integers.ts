/**
 * Integer parsing as strict as redis-server's `string2ll`: no sign but a
 * leading minus, no leading zeros, no spaces, and 64-bit signed range.
 */

const LLONG_MIN = -(2n ** 63n)
const LLONG_MAX = 2n ** 63n - 1n
const INT_MAX = 2n ** 31n - 1n
const INT_MIN = -(2n ** 31n)

/** The value of a 64-bit signed integer argument, or undefined. */
export function parseLongLong(text: string): bigint | undefined {
  if (!/^(0|-?[1-9][0-9]*)$/.test(text)) return undefined
  const value = BigInt(text)
  return value < LLONG_MIN || value > LLONG_MAX ? undefined : value
}

/** The value of a 32-bit signed integer argument, or undefined. */
export function parseInt32(text: string): number | undefined {
  const value = parseLongLong(text)
  if (value === undefined || value < INT_MIN || value > INT_MAX)
    return undefined
  return Number(value)
}

export { LLONG_MAX, LLONG_MIN, INT_MAX }
