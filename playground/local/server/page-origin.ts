import type { IncomingMessage } from 'node:http'

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1'])

/**
 * Why a request must be refused, or null when it comes from the page's own
 * origin. The Origin header must name the host the request was sent to, and
 * that host must be a loopback name (or listed in `allowedHosts`): a page of
 * another site is refused, and so is a DNS-rebound name that merely resolves
 * to 127.0.0.1, whose Origin and Host would otherwise agree.
 */
export function refuseForeignOrigin(
  req: IncomingMessage,
  allowedHosts: readonly string[] = [],
): string | null {
  const origin = req.headers.origin
  const host = req.headers.host
  if (!origin) {
    return 'The request has no Origin header; only a page of this site may use the local runtime.'
  }
  let originHost: string
  try {
    originHost = new URL(origin).host
  } catch {
    return `The Origin ${JSON.stringify(origin)} is not a URL; only a page of this site may use the local runtime.`
  }
  if (!host || originHost !== host) {
    return `The Origin ${origin} is not this site (${host ?? 'no Host'}); only a page of this site may use the local runtime.`
  }
  const hostname = new URL(`http://${host}`).hostname
  if (
    !LOOPBACK_NAMES.has(hostname) &&
    !hostname.endsWith('.localhost') &&
    !allowedHosts.includes(hostname)
  ) {
    return `The host ${hostname} is not a loopback name; the local runtime answers only pages opened as localhost or 127.0.0.1.`
  }
  return null
}
