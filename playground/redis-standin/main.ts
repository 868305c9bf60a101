/**
 * The Redis stand-in's command line, for the browser container only:
 *
 *   node redis-standin.cjs [--port 6379] [--host 127.0.0.1]
 *
 * `PORT` and `HOST` in the environment work too; flags win. Prints one line
 * once it listens and stops cleanly on SIGTERM or SIGINT.
 */
import { startRedisStandin } from './server'

function option(name: string): string | undefined {
  const args = process.argv.slice(2)
  const index = args.indexOf(`--${name}`)
  if (index !== -1) return args[index + 1]
  const inline = args.find((arg) => arg.startsWith(`--${name}=`))
  return inline?.slice(name.length + 3) ?? process.env[name.toUpperCase()]
}

async function main() {
  const portText = option('port') ?? '6379'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `The Redis stand-in needs a TCP port from 0 to 65535, got ` +
        `"${portText}". Pass --port 6379 or set PORT.`,
    )
  }
  const host = option('host') ?? '127.0.0.1'

  const standin = await startRedisStandin({ port, host })
  const stop = () => {
    void standin.close().then(() => process.exit(0))
  }
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)

  // Printed last: whoever waits for this line may signal the process next.
  console.log(
    `Redis stand-in (browser only) listening on ${host}:${standin.port}`,
  )
}

main().catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
