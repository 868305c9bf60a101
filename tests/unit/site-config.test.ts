import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import config from '../../.vitepress/config'

const sessionPage = readFileSync('docs/boring-stack/session.md', 'utf-8')

describe('the site config', () => {
  it('serves the pages in docs with clean URLs, dates and local search', () => {
    expect(config.srcDir).toBe('docs')
    expect(config.cleanUrls).toBe(true)
    expect(config.lastUpdated).toBe(true)
    expect(config.themeConfig?.search?.provider).toBe('local')
  })

  it('fails the build on a dead link', () => {
    expect(config.ignoreDeadLinks).toBeFalsy()
  })

  it('leads the edit link to the page in the Boring Stack docs repository', () => {
    expect(config.themeConfig?.editLink?.pattern).toBe(
      'https://github.com/sailscastshq/docs.sailscasts.com/edit/main/docs/:path',
    )
  })

  it('leaves the browser-test pages out of the published site', () => {
    expect(config.srcExclude).toEqual(['tests/**'])
  })
})

describe('the Session page', () => {
  it('keeps the frontmatter of the Boring Stack docs, with the emoji mended', () => {
    expect(sessionPage).toContain('title: Session\n')
    expect(sessionPage).toContain(
      'titleTemplate: The Boring JavaScript Stack \u{1F971}\n',
    )
    expect(sessionPage).not.toContain('ð')
    expect(sessionPage).toContain("link: '/boring-stack/email'")
    expect(sessionPage).toContain("link: '/boring-stack/file-uploads'")
    expect(sessionPage).toContain('editLink: true')
  })

  it('keeps the login action sample as the Boring Stack docs show it', () => {
    expect(sessionPage).toContain(
      [
        '    if (rememberMe) {',
        '      this.req.session.cookie.maxAge =',
        '        sails.config.custom.rememberMeCookieMaxAge',
        '    }',
      ].join('\n'),
    )
  })
})
