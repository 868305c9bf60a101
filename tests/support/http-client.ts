/**
 * A browser-like client for one origin: it keeps the cookies the server sets
 * and sends them back, and never follows redirects, so tests see each step.
 */
export class CookieClient {
  /** Cookie name to value, as a browser would send them. */
  readonly cookies = new Map<string, string>()

  constructor(readonly baseUrl: string) {}

  /** The `Cookie` header this client sends. */
  get cookieHeader(): string {
    return [...this.cookies]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ')
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers)
    if (this.cookies.size > 0) headers.set('cookie', this.cookieHeader)
    const response = await fetch(this.baseUrl + path, {
      ...init,
      headers,
      redirect: 'manual',
      signal: init.signal ?? AbortSignal.timeout(10_000),
    })
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';')
      const equals = pair.indexOf('=')
      this.cookies.set(pair.slice(0, equals), pair.slice(equals + 1))
    }
    return response
  }

  get(path: string): Promise<Response> {
    return this.request(path)
  }

  /** Posts a form as a browser does (urlencoded). */
  postForm(path: string, fields: Record<string, string>): Promise<Response> {
    return this.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    })
  }
}

/** The demo account the app seeds at lift. */
export const DEMO = { email: 'demo@example.com', password: 'boring-stack' }
