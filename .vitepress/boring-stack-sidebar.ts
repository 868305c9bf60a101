import type { DefaultTheme } from 'vitepress'

/** Where the Boring Stack docs live; pages this site does not host link there. */
export const UPSTREAM_DOCS = 'https://docs.sailscasts.com'

/** One page of the Boring Stack docs: its title and its slug under `/boring-stack/`. */
export interface BoringStackPage {
  text: string
  slug: string
}

/** One group of the Boring Stack sidebar, in the docs' own order. */
export interface BoringStackGroup {
  text: string
  collapsed: boolean
  pages: BoringStackPage[]
}

/** The Boring Stack section, grouped and ordered as the Boring Stack docs are. */
export const BORING_STACK_GROUPS: BoringStackGroup[] = [
  {
    text: 'Introduction',
    collapsed: false,
    pages: [
      { text: 'Why the name?', slug: 'why-the-name' },
      { text: 'Who is it for?', slug: 'who-is-it-for' },
      { text: "What's in the stack?", slug: 'whats-in-the-stack' },
      { text: 'Getting started', slug: 'getting-started' },
    ],
  },
  {
    text: 'The Basics',
    collapsed: false,
    pages: [
      { text: 'Routing', slug: 'routing' },
      { text: 'Navigation', slug: 'navigation' },
      { text: 'Pages', slug: 'pages' },
      { text: 'Layouts', slug: 'layouts' },
      { text: 'Server-side rendering', slug: 'server-side-rendering' },
      { text: 'Redirects', slug: 'redirects' },
      { text: 'Validation', slug: 'validation' },
      { text: 'Flash messages', slug: 'flash-messages' },
    ],
  },
  {
    text: 'Data & Props',
    collapsed: false,
    pages: [
      { text: 'Sharing data', slug: 'sharing-data' },
      { text: 'Deferred props', slug: 'deferred-props' },
      { text: 'Merging props', slug: 'merging-props' },
      { text: 'Once props', slug: 'once-props' },
      { text: 'Infinite scroll', slug: 'infinite-scroll' },
      { text: 'Locals', slug: 'locals' },
    ],
  },
  {
    text: 'Guides',
    collapsed: false,
    pages: [
      { text: 'Authentication', slug: 'authentication' },
      { text: 'Authorization', slug: 'authorization' },
      { text: 'Database', slug: 'database' },
      { text: 'Email', slug: 'email' },
      { text: 'Session', slug: 'session' },
      { text: 'File uploads', slug: 'file-uploads' },
      { text: 'Testing', slug: 'testing' },
      { text: 'Error handling', slug: 'error-handling' },
    ],
  },
  {
    text: 'Cookbook',
    collapsed: false,
    pages: [{ text: 'Testing', slug: 'cookbook/testing' }],
  },
  {
    text: 'Templates',
    collapsed: false,
    pages: [
      { text: 'Mellow', slug: 'mellow' },
      { text: 'Ascent', slug: 'ascent' },
    ],
  },
  {
    text: 'Deploy',
    collapsed: false,
    pages: [
      { text: 'Slipway', slug: 'slipway' },
      { text: 'Render', slug: 'render' },
      { text: 'Railway', slug: 'railway' },
      { text: 'Coolify', slug: 'coolify' },
    ],
  },
  {
    text: 'Configuration',
    collapsed: true,
    pages: [{ text: 'Type checking JS files', slug: 'type-checking-js-files' }],
  },
]

/**
 * The link for a Boring Stack page: the site's own page when it hosts it,
 * otherwise the same page on the Boring Stack docs.
 *
 * @param path - the page's path without extension, such as
 *   `/boring-stack/session`
 * @param hosted - the paths of the pages this site has
 */
export function linkFor(path: string, hosted: ReadonlySet<string>): string {
  return hosted.has(path) ? path : UPSTREAM_DOCS + path
}

/** The Boring Stack sidebar, with links resolved against the hosted pages. */
export function boringStackSidebar(
  hosted: ReadonlySet<string>,
): DefaultTheme.SidebarItem[] {
  return BORING_STACK_GROUPS.map((group) => ({
    text: group.text,
    collapsed: group.collapsed,
    items: group.pages.map((page) => ({
      text: page.text,
      link: linkFor(`/boring-stack/${page.slug}`, hosted),
    })),
  }))
}

/** The nav's Boring Stack menu: the same groups, in the same order. */
export function boringStackNav(
  hosted: ReadonlySet<string>,
): DefaultTheme.NavItemWithChildren {
  return {
    text: 'The Boring Stack',
    activeMatch: '^/boring-stack/',
    items: boringStackSidebar(hosted).map((group) => ({
      text: group.text ?? '',
      items: (group.items ?? []).map((item) => ({
        text: item.text ?? '',
        link: item.link ?? '',
      })),
    })),
  }
}
