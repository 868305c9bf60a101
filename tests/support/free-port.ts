import { createServer } from 'node:net'

/**
 * Asks the kernel for a free port on the loopback interface.
 *
 * The port is released before it is returned, so a caller binds it soon after;
 * on a busy machine another process could take it in between, which is why
 * servers started by tests report the port they really bound when they can.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      if (address === null || typeof address === 'string') {
        server.close()
        reject(new Error('The kernel gave no TCP port for 127.0.0.1.'))
        return
      }
      server.close(() => resolve(address.port))
    })
  })
}
