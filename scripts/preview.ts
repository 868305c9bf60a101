/**
 * Serves the built site with the local runtime: `tsx scripts/preview.ts
 * [--port 4173]`. Reads PORT and DOCS_BASE from the environment.
 */
import { parseArgs } from 'node:util'
import { startPreviewServer } from '../playground/local/preview-server'

const { values } = parseArgs({ options: { port: { type: 'string' } } })
const port = Number(values.port ?? process.env.PORT ?? 4173)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `The port ${JSON.stringify(values.port ?? process.env.PORT)} is not a number from 0 to 65535; pass --port 4173 or set PORT.`,
  )
  process.exit(1)
}

const server = await startPreviewServer({
  port,
  base: process.env.DOCS_BASE ?? '/',
})
console.log(`Built site with the local runtime at ${server.url}`)

const stop = () => void server.close().then(() => process.exit(0))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
