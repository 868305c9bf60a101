import { linkFor } from './boring-stack-sidebar'

interface PagerLink {
  text?: string
  link?: string
}

/**
 * Points a page's `prev` and `next` at the Boring Stack docs when this site
 * does not host the page they name, so the frontmatter can stay as the Boring
 * Stack docs wrote it and still never lead to a dead link.
 */
export function resolvePagerLinks(
  frontmatter: Record<string, unknown>,
  hosted: ReadonlySet<string>,
): void {
  for (const key of ['prev', 'next'] as const) {
    const value = frontmatter[key] as PagerLink | string | false | undefined
    if (typeof value !== 'object' || !value?.link) continue
    if (/^[a-z]+:\/\//i.test(value.link)) continue
    const path = value.link.replace(/\.(md|html)$/, '').replace(/\/$/, '')
    frontmatter[key] = { ...value, link: linkFor(path || '/', hosted) }
  }
}
