import type { Keyspace } from './keyspace'

/** The redis-server release whose replies the stand-in reproduces. */
export const REDIS_VERSION = '7.0.15'

/** What INFO reports about the process that serves it. */
export interface InfoContext {
  keyspace: Keyspace
  port: number
  startedAt: number
  connectedClients: number
}

type Section = (context: InfoContext) => Record<string, string | number>

const SECTIONS: Record<string, Section> = {
  server: ({ port, startedAt }) => {
    const uptime = Math.floor((Date.now() - startedAt) / 1000)
    return {
      redis_version: REDIS_VERSION,
      redis_mode: 'standalone',
      // Not a redis-server field: it lets a reader of INFO tell them apart.
      redis_standin: 'browser-only',
      os: 'JavaScript',
      arch_bits: 64,
      process_id: process.pid,
      tcp_port: port,
      uptime_in_seconds: uptime,
      uptime_in_days: Math.floor(uptime / 86400),
      executable: process.argv[1] ?? '',
    }
  },
  clients: ({ connectedClients }) => ({
    connected_clients: connectedClients,
    blocked_clients: 0,
  }),
  persistence: () => ({ loading: 0, rdb_changes_since_last_save: 0 }),
  replication: () => ({ role: 'master', connected_slaves: 0 }),
  keyspace: ({ keyspace }) => {
    const lines: Record<string, string> = {}
    keyspace.databases.forEach((database, index) => {
      const { keys, expires } = database.stats()
      if (keys > 0)
        lines[`db${index}`] = `keys=${keys},expires=${expires},avg_ttl=0`
    })
    return lines
  },
}

/**
 * The INFO text in redis-server's layout: `# Section` headers, `key:value`
 * lines, CRLF endings, a blank line between sections. Like redis-server,
 * no argument, `default`, `all` and `everything` mean every section, and a
 * section it does not know adds nothing.
 */
export function infoText(context: InfoContext, requested: string[]): string {
  const names = requested.map((name) => name.toLowerCase())
  const everything =
    names.length === 0 ||
    names.some((name) => ['default', 'all', 'everything'].includes(name))

  return Object.entries(SECTIONS)
    .filter(([name]) => everything || names.includes(name))
    .map(([name, section]) => {
      const title = `# ${name[0]!.toUpperCase()}${name.slice(1)}\r\n`
      const lines = Object.entries(section(context))
        .map(([key, value]) => `${key}:${value}\r\n`)
        .join('')
      return title + lines
    })
    .join('\r\n')
}
