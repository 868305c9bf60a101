/** Resource bounds of the local runtime; see {@link defaultLimits}. */
export interface RuntimeLimits {
  /** Sandboxes (open pages) at once. */
  maxSandboxes: number
  /** Live processes per sandbox. */
  maxProcesses: number
  /** Bytes one sandbox may write through mount and writeFile in total. */
  maxBytesWritten: number
  /** Largest WebSocket message accepted from a page. */
  maxMessageBytes: number
}

/** Four pages, eight processes each, 20 MB written, 32 MB per message. */
export const defaultLimits: RuntimeLimits = {
  maxSandboxes: 4,
  maxProcesses: 8,
  maxBytesWritten: 20 * 1024 * 1024,
  maxMessageBytes: 32 * 1024 * 1024,
}
