import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const page = readFileSync('docs/boring-stack/session.md', 'utf-8')
const app = (file: string) =>
  readFileSync(`examples/session-auth/${file}`, 'utf-8')

/** The text of the fence whose info string starts with `info`. */
function fence(info: string): string {
  const start = page.indexOf('```' + info)
  expect(start, `the page has a fence ${info}`).toBeGreaterThan(-1)
  const body = page.indexOf('\n', start) + 1
  return page.slice(body, page.indexOf('```', body))
}

describe('the Session page’s samples', () => {
  it('show the login action the app runs, line for line', () => {
    const sample = fence('js [api/controllers/auth/login.js] live')
    const fn = sample.slice(sample.indexOf('  fn:'), sample.lastIndexOf('}'))

    expect(app('api/controllers/auth/login.js')).toContain(fn.trimEnd())
  })

  it('switch the app to Redis with the two lines of its config', () => {
    const sample = fence('js [config/session.js] live')

    expect(sample).toContain("adapter: '@sailshq/connect-redis'")
    expect(sample).toContain("url: 'redis://localhost:6379'")
    expect(app('config/session.js')).toContain('module.exports.session = {')
  })
})
