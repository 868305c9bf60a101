/**
 * Messages between the local runtime's browser client and its Node server,
 * over one WebSocket per page. Requests carry an id and get exactly one
 * response; the server also pushes process output, exits and port events.
 * Everything is JSON; binary file contents travel as base64.
 */

/** Path of the POST that hands a page its token. */
export const SESSION_PATH = '/__playground/session'

/** Path of the WebSocket upgrade. */
export const WS_PATH = '/__playground/ws'

/** File contents on the wire: text as is, bytes as base64. */
export type WireContents = { text: string } | { base64: string }

/** A {@link FileTree} on the wire. */
export interface WireTree {
  [name: string]: { file: WireContents } | { directory: WireTree }
}

/** Parameters and result of each request, by method. */
export interface RequestMap {
  mount: { params: { tree: WireTree }; result: null }
  readFile: { params: { path: string }; result: { base64: string } }
  writeFile: { params: { path: string; contents: WireContents }; result: null }
  readdir: { params: { path: string }; result: string[] }
  mkdir: { params: { path: string; recursive: boolean }; result: null }
  rm: {
    params: { path: string; recursive: boolean; force: boolean }
    result: null
  }
  watch: { params: { path: string; watchId: number }; result: null }
  unwatch: { params: { watchId: number }; result: null }
  spawn: {
    params: {
      processId: number
      command: string
      args: string[]
      env: Record<string, string>
      cwd: string | null
    }
    result: null
  }
  kill: { params: { processId: number }; result: null }
  input: { params: { processId: number; data: string }; result: null }
}

/** Payloads the server pushes, by event name. */
export interface PushMap {
  output: { processId: number; data: string }
  exit: { processId: number; code: number }
  /** `proxyPort` is where the browser reaches the app (see preview-proxy). */
  port: { port: number; type: 'open' | 'close'; proxyPort: number }
  'server-ready': { port: number; proxyPort: number }
  watch: { watchId: number; event: 'rename' | 'change'; filename: string }
  error: { message: string }
}

export type Method = keyof RequestMap

/** A request from the client. */
export type RequestMessage = {
  [M in Method]: {
    kind: 'request'
    id: number
    method: M
    params: RequestMap[M]['params']
  }
}[Method]

/** The answer to one request. */
export type ResponseMessage =
  | { kind: 'response'; id: number; ok: true; result: unknown }
  | { kind: 'response'; id: number; ok: false; error: string }

/** An event pushed by the server. */
export type PushMessage = {
  [E in keyof PushMap]: { kind: 'push'; event: E; payload: PushMap[E] }
}[keyof PushMap]

/** Anything the server sends. */
export type ServerMessage = ResponseMessage | PushMessage

/** Encodes contents for the wire. */
export function toWire(contents: string | Uint8Array): WireContents {
  if (typeof contents === 'string') return { text: contents }
  return { base64: bytesToBase64(contents) }
}

/** Encodes bytes as base64 in both the browser and Node. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

/** Decodes base64 to bytes in both the browser and Node. */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
