/**
 * The one source of truth for the HTTP headers the site needs. The dev
 * server, `npm run preview` and the generated deploy configs all read them
 * from here.
 */

/**
 * Makes a page cross-origin isolated, which a WebContainer needs
 * (SharedArrayBuffer). Sent on every page of the site.
 */
export const crossOriginIsolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
} as const

/**
 * Lets an isolated page frame a document from another origin: the framed
 * document must opt into COEP itself and allow being embedded cross-origin,
 * or the frame stays blank. The local runtime's preview proxy sends these.
 */
export const framedDocumentHeaders = {
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'cross-origin',
} as const
