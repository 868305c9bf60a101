import { describe, expect, it } from 'vitest'
import { findLiftErrors } from '../../playground/live/lift-errors'

const LOGIN = 'api/controllers/auth/login.js'

// What Sails 1.5 prints when an action has a syntax error (trimmed).
const syntaxErrorOutput = [
  "The app could not lift: Error: Attempted to `require('/tmp/boring-playground-x/api/controllers/auth/login.js')`, but an error occurred:",
  '--',
  '/tmp/boring-playground-x/api/controllers/auth/login.js:45',
  "    return '/",
  '           ^^',
  '',
  'SyntaxError: Invalid or unexpected token',
  '    at wrapSafe (node:internal/modules/cjs/loader:1464:18)',
].join('\r\n')

describe('findLiftErrors', () => {
  it('points at the line Node names, not the require that wrapped it', () => {
    expect(findLiftErrors(syntaxErrorOutput, [LOGIN])).toEqual([
      {
        file: LOGIN,
        line: 45,
        column: null,
        message: 'SyntaxError: Invalid or unexpected token',
      },
    ])
  })

  it('reads the column when the output gives one', () => {
    const output =
      'TypeError: x is not a function\n    at /app/config/session.js:3:7\n'

    expect(findLiftErrors(output, ['config/session.js'])).toEqual([
      {
        file: 'config/session.js',
        line: 3,
        column: 7,
        message: 'TypeError: x is not a function',
      },
    ])
  })

  it('names a file without a line when the output gives none', () => {
    const output = "Error: Cannot find module '/app/config/session.js'\n"

    expect(findLiftErrors(output, ['config/session.js'])[0]?.line).toBeNull()
  })

  it('leaves out the files the output does not name', () => {
    expect(findLiftErrors(syntaxErrorOutput, ['config/session.js'])).toEqual([])
  })

  it('strips colour codes before it reads the output', () => {
    const output =
      '\u001b[31mSyntaxError: Unexpected token\u001b[39m\n/app/api/controllers/auth/login.js:2\n'

    expect(findLiftErrors(output, [LOGIN])[0]).toMatchObject({
      line: 2,
      message: 'SyntaxError: Unexpected token',
    })
  })
})
