import { connect } from 'node:net'

/** Stops a {@link watchPort}. */
export type StopWatching = () => void

/**
 * Polls `127.0.0.1:port` every `intervalMs` and calls `onChange(true)` when it
 * starts accepting connections and `onChange(false)` when it stops. Polling
 * is the one way that works for any process without hooking into it.
 */
export function watchPort(
  port: number,
  onChange: (open: boolean) => void,
  intervalMs = 100,
): StopWatching {
  let open = false
  let stopped = false
  let timer: NodeJS.Timeout | undefined

  const probe = () => {
    const socket = connect({ port, host: '127.0.0.1' })
    const settle = (nowOpen: boolean) => {
      socket.destroy()
      if (stopped) return
      if (nowOpen !== open) {
        open = nowOpen
        onChange(open)
      }
      timer = setTimeout(probe, intervalMs)
    }
    socket.once('connect', () => settle(true))
    socket.once('error', () => settle(false))
  }
  probe()

  return () => {
    stopped = true
    clearTimeout(timer)
  }
}
