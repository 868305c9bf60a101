import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  BORING_STACK_GROUPS,
  boringStackNav,
  boringStackSidebar,
} from '../../.vitepress/boring-stack-sidebar'
import { findHostedPages } from '../../.vitepress/hosted-pages'
import { resolvePagerLinks } from '../../.vitepress/pager-links'

const hosted = new Set(['/', '/boring-stack/session'])

describe('the Boring Stack sidebar', () => {
  it('lists the groups in the order of the Boring Stack docs', () => {
    expect(BORING_STACK_GROUPS.map((group) => group.text)).toEqual([
      'Introduction',
      'The Basics',
      'Data & Props',
      'Guides',
      'Cookbook',
      'Templates',
      'Deploy',
      'Configuration',
    ])
  })

  it('lists the guides in the order of the Boring Stack docs', () => {
    const guides = BORING_STACK_GROUPS.find((g) => g.text === 'Guides')
    expect(guides?.pages.map((page) => page.text)).toEqual([
      'Authentication',
      'Authorization',
      'Database',
      'Email',
      'Session',
      'File uploads',
      'Testing',
      'Error handling',
    ])
  })

  it('collapses only the Configuration group', () => {
    const collapsed = boringStackSidebar(hosted)
      .filter((group) => group.collapsed)
      .map((group) => group.text)
    expect(collapsed).toEqual(['Configuration'])
  })

  it('keeps hosted pages on the site and sends the rest to the Boring Stack docs', () => {
    const links = boringStackSidebar(hosted).flatMap((group) =>
      (group.items ?? []).map((item) => item.link),
    )
    expect(links).toContain('/boring-stack/session')
    expect(links).toContain('https://docs.sailscasts.com/boring-stack/email')
    expect(links).toContain(
      'https://docs.sailscasts.com/boring-stack/cookbook/testing',
    )
    for (const link of links) {
      expect(
        hosted.has(link ?? '') ||
          link?.startsWith('https://docs.sailscasts.com/boring-stack/'),
      ).toBe(true)
    }
  })

  it('gives the nav the same groups in the same order', () => {
    const nav = boringStackNav(hosted)
    expect(nav.items.map((item) => (item as { text: string }).text)).toEqual(
      BORING_STACK_GROUPS.map((group) => group.text),
    )
  })
})

describe('pager links', () => {
  it('sends prev and next to the Boring Stack docs when the site lacks the page', () => {
    const frontmatter: Record<string, unknown> = {
      prev: { text: 'Email', link: '/boring-stack/email' },
      next: { text: 'Session', link: '/boring-stack/session' },
    }
    resolvePagerLinks(frontmatter, hosted)
    expect(frontmatter.prev).toEqual({
      text: 'Email',
      link: 'https://docs.sailscasts.com/boring-stack/email',
    })
    expect(frontmatter.next).toEqual({
      text: 'Session',
      link: '/boring-stack/session',
    })
  })

  it('leaves absolute URLs, strings and false as they are', () => {
    const frontmatter: Record<string, unknown> = {
      prev: { text: 'Elsewhere', link: 'https://example.com/x' },
      next: false,
    }
    resolvePagerLinks(frontmatter, hosted)
    expect(frontmatter).toEqual({
      prev: { text: 'Elsewhere', link: 'https://example.com/x' },
      next: false,
    })
  })
})

describe('hosted pages', () => {
  let dir = ''
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('are every markdown file under the source folder, as clean URLs', () => {
    dir = mkdtempSync(join(tmpdir(), 'hosted-'))
    mkdirSync(join(dir, 'boring-stack'))
    mkdirSync(join(dir, 'public'))
    writeFileSync(join(dir, 'index.md'), '# Home')
    writeFileSync(join(dir, 'boring-stack', 'session.md'), '# Session')
    writeFileSync(join(dir, 'boring-stack', 'index.md'), '# Stack')
    writeFileSync(join(dir, 'public', 'ignored.md'), 'not a page')

    expect([...findHostedPages(dir)].sort()).toEqual([
      '/',
      '/boring-stack/',
      '/boring-stack/session',
    ])
  })
})
