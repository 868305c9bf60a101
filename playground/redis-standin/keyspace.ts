/** A string value and, when it has one, the wall-clock time it expires at. */
interface Entry {
  value: Buffer
  /** Milliseconds since the epoch; `undefined` means the key never expires. */
  expiresAt: number | undefined
  /** Insertion order, which SCAN cursors count in. */
  seq: number
}

/** What SCAN returns: the keys it visited and where to continue from. */
export interface ScanPage {
  /** `0` once the whole database has been visited, as in Redis. */
  cursor: number
  keys: string[]
}

/**
 * One numbered Redis database of string keys with real expiry.
 *
 * Keys are latin1 strings so that every byte of a binary key survives the
 * round trip. Expired keys are removed lazily, when something looks at them,
 * which is also what Redis does between its active expiry cycles.
 */
export class Database {
  private readonly entries = new Map<string, Entry>()
  private nextSeq = 1

  constructor(private readonly now: () => number = Date.now) {}

  /** The live entry for `key`, after dropping it if it has expired. */
  lookup(key: string): Entry | undefined {
    const entry = this.entries.get(key)
    if (entry === undefined) return undefined
    if (this.isExpired(entry)) {
      this.entries.delete(key)
      return undefined
    }
    return entry
  }

  /** Stores `value`; `keepTtl` keeps the expiry an existing key had. */
  set(key: string, value: Buffer, expiresAt?: number, keepTtl = false) {
    const existing = this.lookup(key)
    if (existing !== undefined) {
      existing.value = value
      if (!keepTtl) existing.expiresAt = expiresAt
      return
    }
    // A new key goes to the end of the Map and of the SCAN order together.
    this.entries.set(key, { value, expiresAt, seq: this.nextSeq++ })
  }

  /** Removes `key`; true when a live key was there. */
  delete(key: string): boolean {
    return this.lookup(key) !== undefined && this.entries.delete(key)
  }

  /** Sets the expiry of a live key; a time already past deletes it. */
  expireAt(key: string, expiresAt: number): boolean {
    const entry = this.lookup(key)
    if (entry === undefined) return false
    if (expiresAt <= this.now()) this.entries.delete(key)
    else entry.expiresAt = expiresAt
    return true
  }

  /** Milliseconds left: -2 when the key is missing, -1 when it never expires. */
  ttl(key: string): number {
    const entry = this.lookup(key)
    if (entry === undefined) return -2
    if (entry.expiresAt === undefined) return -1
    return Math.max(0, entry.expiresAt - this.now())
  }

  /**
   * Visits up to `count` keys in insertion order from `cursor`. A key that
   * exists for the whole iteration is returned exactly once, even when
   * other keys come and go in between, which is the guarantee Redis gives.
   */
  scan(cursor: number, count: number, accept: (key: string) => boolean) {
    const page: ScanPage = { cursor: 0, keys: [] }
    let visited = 0
    for (const [key, entry] of this.entries) {
      if (entry.seq < cursor) continue
      if (visited === count) {
        page.cursor = entry.seq
        break
      }
      visited++
      if (this.isExpired(entry)) this.entries.delete(key)
      else if (accept(key)) page.keys.push(key)
    }
    return page
  }

  /** The number of live keys and of those with an expiry. */
  stats() {
    let keys = 0
    let expires = 0
    for (const key of [...this.entries.keys()]) {
      const entry = this.lookup(key)
      if (entry === undefined) continue
      keys++
      if (entry.expiresAt !== undefined) expires++
    }
    return { keys, expires }
  }

  clear() {
    this.entries.clear()
  }

  private isExpired(entry: Entry) {
    // Redis keeps a key alive through the very millisecond it expires at.
    return entry.expiresAt !== undefined && this.now() > entry.expiresAt
  }
}

/** The 16 databases a default redis-server offers, selected by index. */
export class Keyspace {
  readonly databases: Database[]

  constructor(now: () => number = Date.now, count = 16) {
    this.databases = Array.from({ length: count }, () => new Database(now))
  }
}
