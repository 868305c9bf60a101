import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

/**
 * Bundles the Redis stand-in into one self-contained CommonJS file for
 * Node 18+, `redis-parser` included, and returns its code: it needs no
 * `node_modules` at run time, only Node's own modules. The
 * playground mounts that code into the browser container as a file and
 * runs `node <file> --port 6379`.
 */
export async function buildRedisStandin(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./main.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  })
  const [output] = result.outputFiles
  if (output === undefined) {
    throw new Error('esbuild produced no output for the Redis stand-in.')
  }
  return output.text
}
