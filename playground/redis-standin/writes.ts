import type { CommandContext } from './commands'
import { LLONG_MAX, LLONG_MIN, parseLongLong } from './integers'
import * as reply from './replies'
import { errors } from './replies'

type ExpiryUnit = 'EX' | 'PX' | 'EXAT' | 'PXAT'

/**
 * SET key value [NX|XX] [GET] [EX s|PX ms|EXAT t|PXAT t|KEEPTTL], checking
 * its options in the order redis-server 7.0 does, so that a bad request
 * gets the same error (syntax, not an integer, invalid expire time).
 */
export function set(args: string[], { database }: CommandContext): Buffer {
  const [key, value, ...options] = args as [string, string, ...string[]]
  let condition: 'NX' | 'XX' | undefined
  let get = false
  let keepTtl = false
  let unit: ExpiryUnit | undefined
  let amount: string | undefined

  for (let i = 0; i < options.length; i++) {
    const option = options[i]!.toUpperCase()
    const next = options[i + 1]
    if (option === 'NX' && condition !== 'XX') condition = 'NX'
    else if (option === 'XX' && condition !== 'NX') condition = 'XX'
    else if (option === 'GET') get = true
    else if (option === 'KEEPTTL' && unit === undefined) keepTtl = true
    else if (isUnit(option) && !keepTtl && next !== undefined) {
      // Repeating the same unit is allowed; mixing two units is not.
      if (unit !== undefined && unit !== option) return errors.syntax
      unit = option
      amount = next
      i++
    } else return errors.syntax
  }

  let expiresAt: number | undefined
  if (unit !== undefined) {
    const at = expiryTime(unit, amount!)
    if (typeof at !== 'number') return at
    expiresAt = at
  }

  const previous = database.lookup(key)?.value
  const found = previous !== undefined
  if ((condition === 'NX' && found) || (condition === 'XX' && !found)) {
    return get ? reply.bulk(previous) : reply.NULL_BULK
  }
  database.set(key, Buffer.from(value, 'latin1'), expiresAt, keepTtl)
  return get ? reply.bulk(previous) : reply.OK
}

/** EXPIRE key seconds [NX|XX|GT|LT], with redis-server 7.0's checks. */
export function expire(args: string[], { database }: CommandContext): Buffer {
  const [key, seconds, ...options] = args as [string, string, ...string[]]
  const flags = new Set<string>()
  for (const option of options) {
    const flag = option.toUpperCase()
    if (!['NX', 'XX', 'GT', 'LT'].includes(flag)) {
      return reply.error(`ERR Unsupported option ${option}`)
    }
    flags.add(flag)
  }
  if (flags.has('NX') && flags.size > 1) {
    return reply.error(
      'ERR NX and XX, GT or LT options at the same time are not compatible',
    )
  }
  if (flags.has('GT') && flags.has('LT')) {
    return reply.error(
      'ERR GT and LT options at the same time are not compatible',
    )
  }

  const value = parseLongLong(seconds)
  if (value === undefined) return errors.notInteger
  if (value > LLONG_MAX / 1000n || value < LLONG_MIN / 1000n) {
    return errors.expireTime('expire')
  }
  const now = Date.now()
  const when = value * 1000n
  if (when > LLONG_MAX - BigInt(now)) return errors.expireTime('expire')

  const ttl = database.ttl(key)
  if (ttl === -2) return reply.integer(0)
  const at = Number(when) + now
  const current = ttl === -1 ? undefined : now + ttl
  if (
    (flags.has('NX') && current !== undefined) ||
    (flags.has('XX') && current === undefined) ||
    (flags.has('GT') && (current === undefined || at <= current)) ||
    (flags.has('LT') && current !== undefined && at >= current)
  ) {
    return reply.integer(0)
  }
  database.expireAt(key, at)
  return reply.integer(1)
}

function isUnit(option: string): option is ExpiryUnit {
  return ['EX', 'PX', 'EXAT', 'PXAT'].includes(option)
}

/** Milliseconds since the epoch, or redis-server's error for `amount`. */
function expiryTime(unit: ExpiryUnit, amount: string): number | Buffer {
  const value = parseLongLong(amount)
  if (value === undefined) return errors.notInteger
  const inSeconds = unit === 'EX' || unit === 'EXAT'
  if (value <= 0n || (inSeconds && value > LLONG_MAX / 1000n)) {
    return errors.expireTime('set')
  }
  let ms = inSeconds ? value * 1000n : value
  if (unit === 'EX' || unit === 'PX') ms += BigInt(Date.now())
  if (ms > LLONG_MAX) return errors.expireTime('set')
  return Number(ms)
}
