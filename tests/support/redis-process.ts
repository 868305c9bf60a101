import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, readlinkSync } from 'node:fs'
import { connect } from 'node:net'
import {
  REDIS_SERVER_BINARY,
  redisServerArgs,
} from '../../playground/local/server/sandbox-redis'
import { sandboxProcesses } from './sandbox-processes'

/** A Redis process a sandbox started, as the tests find it in /proc. */
export interface SandboxRedisProcess {
  pid: number
  kind: 'redis-server' | 'stand-in'
  cwd: string
  port: number
}

/** The sandbox's Redis (redis-server or the stand-in), if one runs. */
export function findSandboxRedis(): SandboxRedisProcess | null {
  for (const pid of sandboxProcesses()) {
    let argv: string[]
    let cwd: string
    try {
      argv = readFileSync(`/proc/${pid}/cmdline`, 'utf-8')
        .split('\0')
        .filter(Boolean)
      cwd = readlinkSync(`/proc/${pid}/cwd`)
    } catch {
      continue
    }
    // redis-server rewrites its command line to "redis-server host:port".
    const server = /redis-server \S*:(\d+)/.exec(argv.join(' '))
    if (server) {
      return { pid, kind: 'redis-server', cwd, port: Number(server[1]) }
    }
    const portAt = argv.indexOf('--port')
    if (argv.some((arg) => arg.endsWith('redis-standin.cjs')) && portAt > 0) {
      return { pid, kind: 'stand-in', cwd, port: Number(argv[portAt + 1]) }
    }
  }
  return null
}

/**
 * Shuts a real redis-server down the way an operator would, saving its data
 * to its folder first (`SHUTDOWN SAVE`), so it can start again with it.
 */
export function shutDownSaving(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    socket.once('connect', () => socket.write('SHUTDOWN SAVE\r\n'))
    socket.once('close', () => resolve())
    socket.once('error', reject)
  })
}

/** Starts the sandbox's redis-server again, as the sandbox started it. */
export function startAgain(redis: SandboxRedisProcess): ChildProcess {
  const child = spawn(
    REDIS_SERVER_BINARY,
    redisServerArgs(redis.port, redis.cwd),
    { cwd: redis.cwd, stdio: 'ignore' },
  )
  child.on('error', () => {})
  return child
}
