import { describe, expect, it } from 'vitest'
import { sessionConfigUsesRedis } from '../../playground/session/uses-redis'

describe('a session config that uses Redis', () => {
  it('is the Session page’s two lines', () => {
    expect(
      sessionConfigUsesRedis(`module.exports.session = {
  adapter: '@sailshq/connect-redis',
  url: 'redis://localhost:6379'
}`),
    ).toBe(true)
  })

  it('is not the memory store, even when Redis is commented out', () => {
    expect(
      sessionConfigUsesRedis(`module.exports.session = {
  // adapter: '@sailshq/connect-redis',
  /* adapter: "@sailshq/connect-redis", */
  secret: 'x'
}`),
    ).toBe(false)
  })

  it('is not a URL alone, without the adapter', () => {
    expect(
      sessionConfigUsesRedis(`module.exports.session = { url: 'redis://x' }`),
    ).toBe(false)
  })
})
