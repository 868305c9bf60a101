import type { Plugin } from 'vite'
import { buildRedisStandin } from './build'

const ID = 'virtual:redis-standin'
const RESOLVED = '\0' + ID

/**
 * Serves `virtual:redis-standin`, whose default export is the bundled
 * stand-in's code as a string. A page imports it only when it starts the
 * stand-in inside a WebContainer, so it is a chunk of its own.
 */
export function redisStandinCode(): Plugin {
  return {
    name: 'boring-playground:redis-standin',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return
      return `export default ${JSON.stringify(await buildRedisStandin())}`
    },
  }
}
