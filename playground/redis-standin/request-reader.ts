import Parser from 'redis-parser'
import { splitInlineArgs } from './inline-args'
import { INT_MAX, parseLongLong } from './integers'

/** redis-server's PROTO_INLINE_MAX_SIZE; it caps a count line too. */
const INLINE_MAX = 64 * 1024
const LF = 0x0a
const CR = 0x0d
const STAR = 0x2a

/** A request the server must answer with a protocol error, then hang up. */
export interface ProtocolError {
  protocolError: string
}

/** A command's arguments as latin1 strings, or a protocol error. */
export type Request = string[] | ProtocolError

/**
 * Cuts one connection's bytes into commands. RESP arrays of bulk strings,
 * what every client library sends, are read by the npm `redis-parser`.
 * That package reads RESP only, so inline commands (`PING\r\n`, as telnet
 * sends them) are split here, one line each, when a command does not start
 * with `*`, as redis-server's `processInlineBuffer` does.
 *
 * Arguments are latin1 strings so that every byte survives.
 */
export class RequestReader {
  private buffer: Buffer = Buffer.alloc(0)
  /** True while redis-parser holds the start of a command. */
  private inCommand = false
  private failed = false
  private requests: Request[] = []
  private readonly parser = new Parser({
    returnBuffers: true,
    returnReply: (reply: unknown) => {
      this.inCommand = false
      const request = toRequest(reply)
      if ('protocolError' in request) this.fail(request.protocolError)
      else if (request.length > 0) this.requests.push(request)
    },
    // Only commands that start with `*` reach the parser, so a top-level
    // error reply cannot arrive; refuse it all the same.
    returnError: () => this.fail(unexpected('-')),
    returnFatalError: (error: Error) => this.fail(fatalReason(error)),
  })

  /**
   * Takes the next bytes and returns the requests they complete, in order.
   * After a protocol error it returns nothing more.
   */
  push(chunk: Buffer): Request[] {
    this.requests = []
    this.buffer =
      this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk])

    while (!this.failed && this.buffer.length > 0) {
      const lf = this.buffer.indexOf(LF)
      if (this.inCommand) {
        // Fed up to each LF: a command ends with CRLF, so the parser
        // finishes one exactly where a piece ends, and the next byte starts
        // a command that may be inline.
        this.parser.execute(this.take(lf === -1 ? this.buffer.length : lf + 1))
      } else if (lf !== -1) {
        const line = this.take(lf + 1)
        if (line[0] === STAR) this.startCommand(line)
        else this.inline(line)
      } else {
        if (this.buffer.length > INLINE_MAX) {
          this.fail(
            this.buffer[0] === STAR
              ? 'too big mbulk count string'
              : 'too big inline request',
          )
        }
        break
      }
    }
    return this.requests
  }

  private take(length: number): Buffer {
    const taken = this.buffer.subarray(0, length)
    this.buffer = this.buffer.subarray(length)
    return taken
  }

  private startCommand(line: Buffer) {
    // redis-parser takes the digits of a count on trust (`*x` reads as 72),
    // so the count is checked here as redis-server checks it.
    const count = line.at(-2) === CR ? countOf(line) : undefined
    if (count === undefined || count > INT_MAX) {
      this.fail('invalid multibulk length')
    } else if (count > 0n) {
      this.inCommand = true
      this.parser.execute(line)
    }
  }

  private inline(line: Buffer) {
    const end = line.at(-2) === CR ? line.length - 2 : line.length - 1
    const args = splitInlineArgs(line.toString('latin1', 0, end))
    if (args === undefined) this.fail('unbalanced quotes in request')
    else if (args.length > 0) this.requests.push(args)
  }

  private fail(reason: string) {
    if (this.failed) return
    this.failed = true
    this.buffer = Buffer.alloc(0)
    this.requests.push({ protocolError: reason })
  }
}

function countOf(line: Buffer) {
  return parseLongLong(line.toString('latin1', 1, line.length - 2))
}

/**
 * The command in a parsed array, with each argument copied into a string:
 * redis-parser may return views into a buffer pool it reuses. A simple
 * string (`+`) comes back as a Buffer too, so it passes as an argument.
 */
function toRequest(reply: unknown): Request {
  if (!Array.isArray(reply)) return []
  const args: string[] = []
  for (const item of reply as unknown[]) {
    if (Buffer.isBuffer(item)) args.push(item.toString('latin1'))
    else if (item === null) return { protocolError: 'invalid bulk length' }
    else if (Array.isArray(item)) return { protocolError: unexpected('*') }
    else if (item instanceof Error) return { protocolError: unexpected('-') }
    else return { protocolError: unexpected(':') }
  }
  return args
}

function unexpected(type: string) {
  return `expected '$', got '${type}'`
}

/** redis-parser's only fatal error names the type byte it could not read. */
function fatalReason(error: Error) {
  const type = /got (".*") as reply type byte/.exec(error.message)?.[1]
  return type === undefined ? 'invalid request' : unexpected(JSON.parse(type))
}
