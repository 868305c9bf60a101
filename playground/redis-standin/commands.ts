import { infoText, type InfoContext } from './info'
import type { Database, Keyspace } from './keyspace'
import { parseInt32 } from './integers'
import * as reply from './replies'
import { errors } from './replies'
import { scan } from './scan'
import { expire, set } from './writes'

/** What one connection remembers between its commands. */
export interface Client {
  db: number
  name: string | undefined
}

/** What a command may read and change. */
export interface CommandContext {
  keyspace: Keyspace
  client: Client
  database: Database
  info(): InfoContext
}

/** A command's implementation: its arguments, without the name, in. */
export type Handler = (args: string[], context: CommandContext) => Buffer

/**
 * A command as redis-server's table describes it. A positive arity is the
 * exact argument count including the name; a negative one is a minimum.
 */
export interface Command {
  arity: number
  handler?: Handler
  subcommands?: Record<string, Command>
}

const PONG = reply.simple('PONG')

/**
 * The commands the stand-in implements: what the redis@3 client sends when
 * it connects (INFO, SELECT, AUTH, CLIENT SETNAME), what
 * @sailshq/connect-redis sends, and a few that help when poking at it by
 * hand. Anything else gets redis-server's "unknown command" error.
 */
export const COMMANDS: Record<string, Command> = {
  ping: {
    arity: -1,
    handler: (args) => {
      if (args.length > 1) return errors.arity('ping')
      return args.length === 0 ? PONG : reply.bulk(args[0])
    },
  },
  echo: { arity: 2, handler: ([message]) => reply.bulk(message) },
  select: {
    arity: 2,
    handler: ([index], { keyspace, client }) => {
      const db = parseInt32(index!)
      if (db === undefined) return errors.notInteger
      if (db < 0 || db >= keyspace.databases.length) return errors.dbIndex
      client.db = db
      return reply.OK
    },
  },
  auth: {
    arity: -2,
    handler: (args) => {
      // The stand-in behaves like a redis-server with no password set.
      if (args.length > 2) return errors.syntax
      if (args.length === 1) return NO_PASSWORD_SET
      return args[0] === 'default' ? reply.OK : WRONG_PASSWORD
    },
  },
  client: {
    arity: -2,
    subcommands: {
      setname: {
        arity: 3,
        handler: ([name], { client }) => {
          if (!/^[!-~]*$/.test(name!)) return BAD_CLIENT_NAME
          client.name = name === '' ? undefined : name
          return reply.OK
        },
      },
      getname: {
        arity: 2,
        handler: (_, { client }) => reply.bulk(client.name),
      },
    },
  },
  info: {
    arity: -1,
    handler: (sections, context) =>
      reply.bulk(infoText(context.info(), sections)),
  },
  get: {
    arity: 2,
    handler: ([key], { database }) => reply.bulk(database.lookup(key!)?.value),
  },
  mget: {
    arity: -2,
    handler: (keys, { database }) =>
      reply.array(keys.map((key) => reply.bulk(database.lookup(key)?.value))),
  },
  set: { arity: -3, handler: set },
  del: {
    arity: -2,
    handler: (keys, { database }) =>
      reply.integer(keys.filter((key) => database.delete(key)).length),
  },
  exists: {
    arity: -2,
    handler: (keys, { database }) =>
      reply.integer(keys.filter((key) => database.lookup(key)).length),
  },
  expire: { arity: -3, handler: expire },
  ttl: {
    arity: 2,
    handler: ([key], { database }) => {
      const ms = database.ttl(key!)
      // redis-server rounds to the nearest second, so a fresh EX 10 says 10.
      return reply.integer(ms < 0 ? ms : Math.floor((ms + 500) / 1000))
    },
  },
  pttl: {
    arity: 2,
    handler: ([key], { database }) => reply.integer(database.ttl(key!)),
  },
  scan: { arity: -2, handler: scan },
  dbsize: {
    arity: 1,
    handler: (_, { database }) => reply.integer(database.stats().keys),
  },
  flushdb: {
    arity: -1,
    handler: (args, { database }) => flush(args, [database]),
  },
  flushall: {
    arity: -1,
    handler: (args, { keyspace }) => flush(args, keyspace.databases),
  },
}

const NO_PASSWORD_SET = reply.error(
  'ERR AUTH <password> called without any password configured for the ' +
    'default user. Are you sure your configuration is correct?',
)
const WRONG_PASSWORD = reply.error(
  'WRONGPASS invalid username-password pair or user is disabled.',
)
const BAD_CLIENT_NAME = reply.error(
  'ERR Client names cannot contain spaces, newlines or special characters.',
)

function flush(args: string[], databases: Database[]) {
  const [mode] = args
  if (args.length > 1) return errors.syntax
  if (mode !== undefined && !/^(a?sync)$/i.test(mode)) return errors.syntax
  for (const database of databases) database.clear()
  return reply.OK
}

/**
 * Finds the command for `argv` and answers it, with redis-server's errors
 * for an unknown command or subcommand and for a wrong number of arguments.
 */
export function dispatch(argv: string[], context: CommandContext): Buffer {
  const [name, ...args] = argv
  let command = COMMANDS[name!.toLowerCase()]
  let fullName = name!.toLowerCase()
  if (command === undefined) return errors.unknownCommand(name!, args)

  if (command.subcommands && argv.length >= 2) {
    const sub = args[0]!.toLowerCase()
    const subcommand = command.subcommands[sub]
    if (subcommand === undefined)
      return errors.unknownSubcommand(args[0]!, name!)
    command = subcommand
    fullName = `${fullName}|${sub}`
  }

  const { arity } = command
  if ((arity > 0 && arity !== argv.length) || argv.length < -arity) {
    return errors.arity(fullName)
  }
  const handlerArgs = fullName.includes('|') ? args.slice(1) : args
  return command.handler!(handlerArgs, context)
}
