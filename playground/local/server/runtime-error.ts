/**
 * An error whose message is meant for the reader of the page: the local
 * runtime sends these sentences back to the browser as they are.
 */
export class RuntimeError extends Error {
  override name = 'RuntimeError'
}

/** Formats a refused path once, so every refusal reads the same way. */
export function pathRefused(path: string, why: string): RuntimeError {
  return new RuntimeError(
    `The path ${JSON.stringify(path)} was refused: ${why}. Use a path relative to the example's folder.`,
  )
}
