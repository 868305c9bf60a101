import { connect } from 'node:net'
import Parser from 'redis-parser'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startRedisServer, type RedisServer } from '../support/redis-server'
import { startRedisStandin } from '../support/redis-standin'

/**
 * One conversation over a raw TCP socket: the request chunks written one by
 * one, and every reply byte read until `replies` replies have arrived (or,
 * for QUIT and protocol errors, until the server closes the connection).
 */
interface Exchange {
  bytes: string
  closed: boolean
}

async function exchange(
  port: number,
  chunks: string[],
  replies: number,
): Promise<Exchange> {
  const socket = connect(port, '127.0.0.1')
  socket.setNoDelay(true)
  const received: Buffer[] = []
  let parsed = 0
  // redis-parser reads replies, so it tells when the last one is complete.
  const parser = new Parser({
    returnReply: () => parsed++,
    returnError: () => parsed++,
    returnFatalError: () => parsed++,
  })

  const done = new Promise<boolean>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`No ${replies} replies in 5 s on ${port}.`)),
      5_000,
    )
    socket.on('data', (chunk) => {
      received.push(chunk)
      parser.execute(chunk)
      if (parsed >= replies) {
        clearTimeout(timer)
        resolve(false)
      }
    })
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(true)
    })
    socket.on('error', reject)
  })

  await new Promise((resolve) => socket.once('connect', resolve))
  for (const [index, chunk] of chunks.entries()) {
    // A pause between writes makes each chunk its own TCP segment, so the
    // server really sees a command arrive in pieces.
    if (index > 0) await new Promise((resolve) => setTimeout(resolve, 30))
    socket.write(Buffer.from(chunk, 'latin1'))
  }
  let closed = await done
  if (!closed && chunks.some((chunk) => /quit/i.test(chunk))) {
    closed = await new Promise((resolve) => socket.once('close', resolve))
  }
  socket.destroy()
  return { bytes: Buffer.concat(received).toString('latin1'), closed }
}

/** A command as RESP, the way every client library sends it. */
function resp(...args: string[]) {
  return (
    `*${args.length}\r\n` +
    args
      .map((arg) => `$${Buffer.byteLength(arg, 'latin1')}\r\n${arg}\r\n`)
      .join('')
  )
}

describe('the Redis stand-in answers like redis-server 7', () => {
  let real: RedisServer
  let standin: RedisServer

  beforeAll(async () => {
    ;[real, standin] = await Promise.all([
      startRedisServer(),
      startRedisStandin(),
    ])
  })
  afterAll(async () => {
    await Promise.all([real?.stop(), standin?.stop()])
  })
  beforeEach(async () => {
    await both([resp('FLUSHALL')], 1)
  })

  /** Sends the same chunks to both servers. */
  async function both(chunks: string[], replies: number) {
    const [fromReal, fromStandin] = await Promise.all([
      exchange(real.port, chunks, replies),
      exchange(standin.port, chunks, replies),
    ])
    return { real: fromReal, standin: fromStandin }
  }

  /** The byte-for-byte check most cases need. */
  async function expectSameReplies(commands: string[][]) {
    const result = await both(
      [commands.map((c) => resp(...c)).join('')],
      commands.length,
    )
    expect(result.standin.bytes).toBe(result.real.bytes)
    return result.real.bytes
  }

  const sameBytes: Array<[string, string[][]]> = [
    [
      'answers PING, PING with a message and ECHO',
      [['PING'], ['PING', 'hi'], ['ECHO', 'a b']],
    ],
    [
      'selects database 0 and refuses one out of range',
      [
        ['SELECT', '0'],
        ['SELECT', '16'],
        ['SELECT', '-1'],
        ['SELECT', 'x'],
      ],
    ],
    [
      'keeps databases apart',
      [
        ['SET', 'k', '0'],
        ['SELECT', '1'],
        ['GET', 'k'],
        ['SET', 'k', '1'],
        ['SELECT', '0'],
        ['GET', 'k'],
      ],
    ],
    [
      'sets and gets a value, and nil for a missing key',
      [
        ['SET', 'k', 'v'],
        ['GET', 'k'],
        ['GET', 'missing'],
      ],
    ],
    [
      'sets with EX and accepts repeated EX',
      [
        ['SET', 'k', 'v', 'EX', '100'],
        ['SET', 'k', 'v', 'ex', '10', 'EX', '100'],
        ['GET', 'k'],
      ],
    ],
    [
      'rejects a bad EX as redis-server does',
      [
        ['SET', 'k', 'v', 'EX', '0'],
        ['SET', 'k', 'v', 'EX', '-1'],
        ['SET', 'k', 'v', 'EX', 'ten'],
        ['SET', 'k', 'v', 'EX', '010'],
        ['SET', 'k', 'v', 'EX'],
        ['SET', 'k', 'v', 'EX', '9223372036854775'],
        ['SET', 'k', 'v', 'EX', '10', 'PX', '10'],
      ],
    ],
    [
      'honours NX, XX, GET and KEEPTTL',
      [
        ['SET', 'k', 'v', 'XX'],
        ['SET', 'k', 'v', 'NX'],
        ['SET', 'k', 'w', 'NX'],
        ['SET', 'k', 'w', 'XX', 'GET'],
        ['SET', 'k', 'x', 'NX', 'XX'],
        ['SET', 'k', 'x', 'KEEPTTL', 'EX', '1'],
        ['SET', 'k', 'v', 'bogus'],
      ],
    ],
    [
      'returns nil for missing keys in MGET',
      [
        ['SET', 'a', '1'],
        ['SET', 'c', '3'],
        ['MGET', 'a', 'b', 'c'],
      ],
    ],
    [
      'deletes several keys and counts only those it removed',
      [
        ['SET', 'a', '1'],
        ['SET', 'b', '2'],
        ['DEL', 'a', 'b', 'missing'],
        ['EXISTS', 'a', 'b'],
      ],
    ],
    [
      'expires missing and existing keys',
      [
        ['EXPIRE', 'missing', '10'],
        ['SET', 'k', 'v'],
        ['EXPIRE', 'k', '100'],
        ['EXPIRE', 'k', '10', 'NX'],
        ['EXPIRE', 'k', '10', 'GT'],
        ['EXPIRE', 'k', '10', 'bad'],
        ['EXPIRE', 'k', '10', 'NX', 'XX'],
        ['EXPIRE', 'k', '10', 'GT', 'LT'],
        ['EXPIRE', 'k', 'soon'],
        ['EXPIRE', 'k', '0'],
        ['GET', 'k'],
      ],
    ],
    [
      'answers TTL -2 for a missing key and -1 for a key without expiry',
      [
        ['TTL', 'missing'],
        ['SET', 'k', 'v'],
        ['TTL', 'k'],
        ['PTTL', 'k'],
        ['PTTL', 'missing'],
      ],
    ],
    [
      'refuses SCAN arguments as redis-server does',
      [
        ['SCAN', 'x'],
        ['SCAN', '0', 'COUNT', '0'],
        ['SCAN', '0', 'COUNT', 'many'],
        ['SCAN', '0', 'MATCH'],
        ['SCAN', '0', 'SORT', 'x'],
        ['SCAN', '0'],
      ],
    ],
    [
      'names the client and reads the name back',
      [
        ['CLIENT', 'GETNAME'],
        ['CLIENT', 'SETNAME', 'app'],
        ['CLIENT', 'GETNAME'],
        ['CLIENT', 'SETNAME', 'a b'],
        ['CLIENT', 'bogus'],
        ['CLIENT'],
      ],
    ],
    [
      'answers AUTH like a server with no password set',
      [
        ['AUTH', 'secret'],
        ['AUTH', 'default', 'secret'],
        ['AUTH', 'someone', 'secret'],
      ],
    ],
    [
      'quotes an unknown command and its first arguments',
      [
        ['FOO'],
        ['foo', 'a', 'b'],
        ['NOSUCH', 'h', 'f', 'v'],
        ['x', 'line\r\nbreak', 'y'.repeat(200)],
      ],
    ],
    [
      'counts arguments as redis-server does',
      [
        ['GET'],
        ['GET', 'a', 'b'],
        ['SET', 'k'],
        ['MGET'],
        ['DEL'],
        ['EXPIRE', 'k'],
        ['TTL'],
        ['SCAN'],
        ['SELECT'],
        ['PING', 'a', 'b'],
        ['ECHO'],
        ['CLIENT', 'SETNAME'],
      ],
    ],
    [
      'counts keys and flushes them',
      [
        ['SET', 'a', '1'],
        ['DBSIZE'],
        ['FLUSHDB', 'bogus'],
        ['FLUSHDB'],
        ['DBSIZE'],
      ],
    ],
  ]

  it('matches SCAN patterns as redis-server does', async () => {
    // Each pattern selects at most one key, so key order cannot differ.
    const keys = ['hello', 'a*b', 'x[1]', 'b']
    const patterns = [
      'h?llo',
      'h[^a]llo',
      'h[a-f]llo',
      'a\\*b',
      'x\\[1]',
      'x[1',
      '[',
      'z*',
      '?',
    ]
    await expectSameReplies([
      ...keys.map((key) => ['SET', key, 'v']),
      ...patterns.map((pattern) => [
        'SCAN',
        '0',
        'MATCH',
        pattern,
        'COUNT',
        '100',
      ]),
    ])
  })

  it.each(sameBytes)('%s', async (_, commands) => {
    await expectSameReplies(commands)
  })

  it('answers inline commands, quotes and all', async () => {
    const { real: r, standin: s } = await both(
      [
        'PING\r\n\r\n  \r\nECHO "a b\\x41\\n"\r\nECHO \'c\'\r\nSET k v\nGET k\r\n',
      ],
      5,
    )
    expect(s.bytes).toBe(r.bytes)
    expect(r.bytes).toBe(
      '+PONG\r\n$5\r\na bA\n\r\n$1\r\nc\r\n+OK\r\n$1\r\nv\r\n',
    )
  })

  it('answers a command only redis-server implements as unknown', async () => {
    // By design: the stand-in implements only what the session store needs.
    const { bytes } = await exchange(
      standin.port,
      [resp('HSET', 'h', 'f', 'v')],
      1,
    )
    expect(bytes).toBe(
      "-ERR unknown command 'HSET', with args beginning with: 'h' 'f' 'v' \r\n",
    )
  })

  it('answers an inline command with unbalanced quotes with a protocol error and closes', async () => {
    const { real: r, standin: s } = await both(
      ['ECHO "open\r\n' + resp('PING')],
      2,
    )
    expect(s).toEqual(r)
    expect(r.closed).toBe(true)
  })

  it('answers malformed RESP with a protocol error and closes', async () => {
    // The stand-in reads RESP with redis-parser, whose failures do not carry
    // redis-server's wording, so only the error's start and the hang-up are
    // compared. No client library sends these bytes.
    const malformed = [
      '*x\r\n',
      '*1\r\nPING\r\n',
      '*1\r\n:1\r\n',
      '*1\r\n$-1\r\n',
      '*1\n$4\r\nPING\r\n',
    ]
    for (const request of malformed) {
      const { real: r, standin: s } = await both([request + resp('PING')], 2)
      for (const { bytes, closed } of [r, s]) {
        expect(bytes).toMatch(/^-ERR Protocol error: [^\r\n]+\r\n$/)
        expect(closed).toBe(true)
      }
    }
  })

  it('answers inline and RESP commands mixed on one connection, in order', async () => {
    const { real: r, standin: s } = await both(
      [resp('SET', 'k', 'v') + 'GET k\r\n*0\r\n*-1\r\n' + resp('PING')],
      3,
    )
    expect(s.bytes).toBe(r.bytes)
    expect(r.bytes).toBe('+OK\r\n$1\r\nv\r\n+PONG\r\n')
  })

  it('takes a reply sent where a command belongs as an inline command', async () => {
    const { real: r, standin: s } = await both(['+OK\r\n:1\r\n'], 2)
    expect(s).toEqual(r)
    expect(r.bytes).toContain("-ERR unknown command '+OK'")
  })

  it('answers QUIT with +OK and closes the connection', async () => {
    const { real: r, standin: s } = await both([resp('QUIT') + resp('PING')], 2)
    expect(s).toEqual(r)
    expect(r).toEqual({ bytes: '+OK\r\n', closed: true })
  })

  it('answers pipelined commands sent in one write, in order', async () => {
    const commands = Array.from({ length: 50 }, (_, i) =>
      i % 2 ? ['GET', `k${i - 1}`] : ['SET', `k${i}`, `v${i}`],
    )
    await expectSameReplies(commands)
  })

  it('keeps line breaks inside a value sent in several TCP writes', async () => {
    const value = 'a\nb\r\n' + 'x'.repeat(20_000) + '\n'
    const request = resp('SET', 'k', value) + resp('GET', 'k')
    const { real: r, standin: s } = await both(
      [request.slice(0, 22), request.slice(22, 9_000), request.slice(9_000)],
      2,
    )
    expect(s.bytes).toBe(r.bytes)
    expect(r.bytes).toBe(`+OK\r\n$${value.length}\r\n${value}\r\n`)
  })

  it('reads a command split across two TCP writes', async () => {
    const request =
      resp('SET', 'sess:split', 'value') + resp('GET', 'sess:split')
    for (const at of [1, 4, 9, 20, request.length - 1]) {
      const { real: r, standin: s } = await both(
        [request.slice(0, at), request.slice(at)],
        2,
      )
      expect(s.bytes).toBe(r.bytes)
    }
  })

  // Values that tick with the clock or describe the process are compared by
  // shape and range, not byte for byte.

  it('reports a positive TTL rounded to whole seconds', async () => {
    const { real: r, standin: s } = await both(
      [resp('SET', 'k', 'v', 'EX', '100') + resp('TTL', 'k')],
      2,
    )
    for (const { bytes } of [r, s]) {
      expect(bytes).toMatch(/^\+OK\r\n:(99|100)\r\n$/)
    }
  })

  it('answers INFO with the server section first', async () => {
    const { real: r, standin: s } = await both([resp('INFO')], 1)
    for (const { bytes } of [r, s]) {
      const [, length, body] = /^\$(\d+)\r\n([\s\S]*)\r\n$/.exec(bytes)!
      expect(Buffer.byteLength(body!, 'latin1')).toBe(Number(length))
      expect(body).toMatch(/^# Server\r\nredis_version:7\.0\.\d+\r\n/)
      for (const line of body!.split('\r\n').slice(0, -1)) {
        expect(line).toMatch(/^(# \w+|\w+:.*|)$/)
      }
    }
  })

  it('expires a key set with EX 1', async () => {
    await both([resp('SET', 'sess:short', 'v', 'EX', '1')], 1)
    const deadline = Date.now() + 3_000
    for (const port of [real.port, standin.port]) {
      let reply = ''
      while (reply !== '$-1\r\n' && Date.now() < deadline) {
        reply = (await exchange(port, [resp('GET', 'sess:short')], 1)).bytes
        if (reply !== '$-1\r\n') await new Promise((r) => setTimeout(r, 50))
      }
      expect(reply).toBe('$-1\r\n')
      const ttl = await exchange(port, [resp('TTL', 'sess:short')], 1)
      expect(ttl.bytes).toBe(':-2\r\n')
    }
  })

  // The cursors differ by nature (redis-server walks hash buckets, the
  // stand-in walks insertion order), and so does the order keys come back
  // in: the keys a full iteration returns are compared as sets.
  it('scans every matching key exactly once with MATCH and COUNT', async () => {
    const keys = Array.from({ length: 250 }, (_, i) => `sess:${i}`)
    const setup = [...keys, 'other:1', 'session'].map((key) =>
      resp('SET', key, 'v'),
    )
    await both([setup.join('')], setup.length)

    for (const port of [real.port, standin.port]) {
      const found: string[] = []
      let cursor = '0'
      do {
        const { bytes } = await exchange(
          port,
          [resp('SCAN', cursor, 'MATCH', 'sess:*', 'COUNT', '100')],
          1,
        )
        const [next, ...page] = [
          ...bytes.matchAll(/\$\d+\r\n([^\r]*)\r\n/g),
        ].map((m) => m[1]!)
        cursor = next!
        found.push(...page)
      } while (cursor !== '0')
      expect(found.sort()).toEqual([...keys].sort())
    }
  })
})
