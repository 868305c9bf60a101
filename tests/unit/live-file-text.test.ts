import { describe, expect, it } from 'vitest'
import {
  offersPageVersion,
  pageTextKind,
} from '../../playground/live/live-file-text'

const shippedLogin = `module.exports = {
  friendlyName: 'Log in',

  inputs: {
    email: { type: 'string', required: true },
  },

  fn: async function ({ email }) {
    const user = await User.findOne({ email })
    return '/'
  },
}
`

const shippedSession = `module.exports.session = {
  secret: 'demo',
  adapter: 'memory',
}
`

describe('pageTextKind', () => {
  it('calls the page text an excerpt when the file holds every line of it', () => {
    const page = `module.exports = {
  fn: async function ({ email }) {
    const user = await User.findOne({ email })

    return '/'
  }
}
`
    expect(pageTextKind(page, shippedLogin)).toBe('excerpt')
  })

  it('ignores indentation and blank lines when it compares', () => {
    const page = `\n\n      return '/'\n\t  const user = await User.findOne({ email })\n`
    expect(pageTextKind(page, shippedLogin)).toBe('excerpt')
  })

  it('calls the page text a whole file when one line is not in the file', () => {
    const page = `module.exports.session = {
  adapter: '@sailshq/connect-redis',
  url: 'redis://localhost:6379'
}
`
    expect(pageTextKind(page, shippedSession)).toBe('whole')
  })

  it('treats Windows line ends like Unix ones', () => {
    const page = "module.exports.session = {\r\n  adapter: 'memory',\r\n}\r\n"
    expect(pageTextKind(page, shippedSession)).toBe('excerpt')
  })
})

describe('offersPageVersion', () => {
  it('offers a whole page version that differs from the shipped file', () => {
    const page = "module.exports.session = {\n  adapter: 'redis'\n}\n"
    expect(offersPageVersion(page, shippedSession)).toBe(true)
  })

  it('offers nothing for an excerpt, since running it would lose the rest', () => {
    expect(offersPageVersion("return '/'\n", shippedLogin)).toBe(false)
  })

  it('offers nothing when the page shows the file exactly as shipped', () => {
    expect(offersPageVersion(shippedSession, shippedSession)).toBe(false)
  })
})
