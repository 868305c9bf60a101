import { randomBytes, timingSafeEqual } from 'node:crypto'

/** How long a page has to open its WebSocket after asking for a token. */
const TOKEN_TTL_MS = 60_000
/** Outstanding tokens kept at most; the oldest go first. */
const MAX_TOKENS = 64

/**
 * One-time tokens, one per page: handed out by the session POST, consumed by
 * the WebSocket upgrade. Expired tokens are dropped whenever a token is
 * issued or checked, so no timer is needed.
 */
export class TokenStore {
  private readonly tokens = new Map<string, number>()

  issue(now = Date.now()): string {
    this.prune(now)
    while (this.tokens.size >= MAX_TOKENS) {
      const oldest = this.tokens.keys().next().value
      if (oldest === undefined) break
      this.tokens.delete(oldest)
    }
    const token = randomBytes(24).toString('base64url')
    this.tokens.set(token, now + TOKEN_TTL_MS)
    return token
  }

  /** True once for a token that was issued and has not expired. */
  consume(token: string | null, now = Date.now()): boolean {
    this.prune(now)
    if (!token) return false
    for (const known of this.tokens.keys()) {
      if (
        known.length === token.length &&
        timingSafeEqual(Buffer.from(known), Buffer.from(token))
      ) {
        this.tokens.delete(known)
        return true
      }
    }
    return false
  }

  private prune(now: number): void {
    for (const [token, expires] of this.tokens) {
      if (expires <= now) this.tokens.delete(token)
    }
  }
}
