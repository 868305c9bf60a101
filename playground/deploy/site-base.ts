/**
 * Checks a site base path (VitePress `base`) and returns it with a leading
 * and a trailing slash: `/`, `/repo/`. Deploy files put it in front of every
 * path they name.
 */
export function normalizeBase(base: string): string {
  if (!base.startsWith('/') || /[\s*?#]/.test(base)) {
    throw new Error(
      `The site base "${base}" is not a path: use "/" or a folder such as ` +
        '"/repo/", as in VitePress\'s `base` option.',
    )
  }
  return base.endsWith('/') ? base : `${base}/`
}
