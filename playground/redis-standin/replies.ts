/**
 * RESP2 reply encoders. Every reply is built as bytes at once, so a handler
 * returns a finished reply and the connection only writes it.
 */

const CRLF = '\r\n'

export const OK = Buffer.from(`+OK${CRLF}`)
export const NULL_BULK = Buffer.from(`$-1${CRLF}`)

export function simple(text: string): Buffer {
  return Buffer.from(`+${text}${CRLF}`, 'latin1')
}

export function integer(value: number): Buffer {
  return Buffer.from(`:${value}${CRLF}`)
}

export function bulk(value: Buffer | string | undefined): Buffer {
  if (value === undefined) return NULL_BULK
  const bytes = typeof value === 'string' ? Buffer.from(value, 'latin1') : value
  return Buffer.concat([
    Buffer.from(`$${bytes.length}${CRLF}`),
    bytes,
    Buffer.from(CRLF),
  ])
}

export function array(items: Buffer[]): Buffer {
  return Buffer.concat([Buffer.from(`*${items.length}${CRLF}`), ...items])
}

/**
 * An error reply. Like redis-server, it turns CR and LF into spaces so that
 * text quoted from a request cannot break the protocol.
 */
export function error(message: string): Buffer {
  return Buffer.from(`-${message.replace(/[\r\n]/g, ' ')}${CRLF}`, 'latin1')
}

/** The error texts redis-server 7.0 uses, byte for byte. */
export const errors = {
  syntax: error('ERR syntax error'),
  notInteger: error('ERR value is not an integer or out of range'),
  dbIndex: error('ERR DB index is out of range'),
  invalidCursor: error('ERR invalid cursor'),
  arity: (command: string) =>
    error(`ERR wrong number of arguments for '${command}' command`),
  expireTime: (command: string) =>
    error(`ERR invalid expire time in '${command}' command`),
  unknownCommand(name: string, args: string[]) {
    // redis-server formats these with printf's `%.128s`: each argument is
    // cut to what is left of 128 bytes, and C strings end at a NUL byte.
    let quoted = ''
    for (const arg of args) {
      if (quoted.length >= 128) break
      quoted += `'${cString(arg).slice(0, 128 - quoted.length)}' `
    }
    const command = cString(name).slice(0, 128)
    return error(
      `ERR unknown command '${command}', with args beginning with: ${quoted}`,
    )
  },
  unknownSubcommand: (sub: string, command: string) =>
    error(
      `ERR unknown subcommand '${cString(sub).slice(0, 128)}'. ` +
        `Try ${command.toUpperCase()} HELP.`,
    ),
  protocol: (detail: string) => error(`ERR Protocol error: ${detail}`),
}

/** The text a C `%s` would print: everything before the first NUL byte. */
export function cString(text: string): string {
  const end = text.indexOf('\0')
  return end === -1 ? text : text.slice(0, end)
}
