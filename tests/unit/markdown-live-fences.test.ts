import { fileURLToPath } from 'node:url'
import { createMarkdownRenderer, disposeMdItInstance } from 'vitepress'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { liveFences, readBinding } from '../../playground/markdown/live-fences'

const examplesDir = fileURLToPath(new URL('../../examples', import.meta.url))
const docsDir = fileURLToPath(new URL('../../docs', import.meta.url))

let render: (source: string) => string

beforeAll(async () => {
  const md = await createMarkdownRenderer(docsDir, {
    config: (md) => liveFences(md, { examplesDir }),
  })
  render = (source) =>
    md.render(source, { relativePath: 'guide/page.md', path: 'x' })
})
afterAll(() => disposeMdItInstance())

const page = (frontmatter: string, fence: string) =>
  `---\n${frontmatter}\n---\n\n${fence}\n`

describe('live code fences', () => {
  it('wrap the block of a bound fence in a LiveFile with the page’s text', () => {
    const html = render(
      page(
        'example: session-auth',
        "```js [config/session.js] live\nmodule.exports.session = { a: '<b>' }\n```",
      ),
    )

    expect(html).toContain(
      '<LiveFile example="session-auth" file="config/session.js" page-text="',
    )
    expect(html).toContain('&lt;b&gt;')
    expect(html).toMatch(/<LiveFile [^>]*><pre[\s\S]*<\/pre><\/LiveFile>/)
  })

  it('leave a fence without the live flag as VitePress renders it', () => {
    const html = render(
      page('example: session-auth', '```js [config/session.js]\nx\n```'),
    )

    expect(html).not.toContain('LiveFile')
  })

  it('fail the build for a file the example does not have, naming page, fence and file', () => {
    expect(() =>
      render(
        page('example: session-auth', '```js [config/missing.js] live\nx\n```'),
      ),
    ).toThrow(
      'guide/page.md: the fence "js [config/missing.js] live" is bound to config/missing.js, which the example "session-auth" does not have.',
    )
  })

  it('fail the build for a live fence on a page that names no example', () => {
    expect(() =>
      render(page('title: x', '```js [config/session.js] live\nx\n```')),
    ).toThrow(/names no example/)
  })

  it('fail the build for a path that leaves the example', () => {
    expect(() =>
      render(
        page(
          'example: session-auth',
          '```js [../../package.json] live\nx\n```',
        ),
      ),
    ).toThrow(/does not have/)
  })
})

describe('a fence’s binding', () => {
  it('is the title when the word live follows it', () => {
    expect(readBinding('js [config/session.js] live')).toEqual({
      file: 'config/session.js',
    })
  })

  it('is nothing without the word live, or when live is the language', () => {
    expect(readBinding('js [config/session.js]')).toBeNull()
    expect(readBinding('live [x]')).toBeNull()
  })
})
