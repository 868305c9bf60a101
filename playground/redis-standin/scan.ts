import type { CommandContext } from './commands'
import { globMatch } from './glob'
import { parseLongLong } from './integers'
import * as reply from './replies'
import { errors } from './replies'

const ULONG_MAX = 2n ** 64n - 1n

/**
 * SCAN cursor [MATCH pattern] [COUNT count] [TYPE type].
 *
 * Arguments are checked as redis-server 7.0 checks them. The cursor values
 * themselves differ from redis-server's by nature: it walks hash-table
 * buckets in reverse-binary order, the stand-in walks insertion order. Both
 * keep SCAN's promise that a key present for the whole iteration comes back
 * at least once, and both end with cursor 0.
 */
export function scan(args: string[], { database }: CommandContext): Buffer {
  const [cursorText, ...options] = args as [string, ...string[]]
  const cursor = parseCursor(cursorText)
  if (cursor === undefined) return errors.invalidCursor

  let count = 10
  let pattern: string | undefined
  let type: string | undefined
  for (let i = 0; i < options.length; i += 2) {
    const option = options[i]!.toLowerCase()
    const value = options[i + 1]
    if (value === undefined) return errors.syntax
    if (option === 'count') {
      const parsed = parseLongLong(value)
      if (parsed === undefined) return errors.notInteger
      if (parsed < 1n) return errors.syntax
      count = Number(parsed)
    } else if (option === 'match') {
      pattern = value === '*' ? undefined : value
    } else if (option === 'type') {
      type = value.toLowerCase()
    } else return errors.syntax
  }

  const page = database.scan(
    Math.min(cursor, Number.MAX_SAFE_INTEGER),
    count,
    // Every value the stand-in holds is a string.
    (key) =>
      (type === undefined || type === 'string') &&
      (pattern === undefined || globMatch(pattern, key)),
  )
  return reply.array([
    reply.bulk(String(page.cursor)),
    reply.array(page.keys.map((key) => reply.bulk(key))),
  ])
}

/**
 * The cursor as C's `strtoul` reads it, which is what redis-server uses:
 * an optional sign, digits, wrap-around for a minus, nothing else.
 */
function parseCursor(text: string): number | undefined {
  const match = /^([+-]?)([0-9]+)$/.exec(text)
  if (text === '') return 0
  if (match === null) return undefined
  const magnitude = BigInt(match[2]!)
  if (magnitude > ULONG_MAX) return undefined
  const value =
    match[1] === '-' && magnitude > 0n ? ULONG_MAX + 1n - magnitude : magnitude
  return value > BigInt(Number.MAX_SAFE_INTEGER)
    ? Number.MAX_SAFE_INTEGER
    : Number(value)
}
