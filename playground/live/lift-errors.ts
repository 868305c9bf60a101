/** Where a failed lift points in one of the page's files. */
export interface FileError {
  file: string
  /** 1-based line, when the output names one. */
  line: number | null
  column: number | null
  /** The error as the app printed it, such as `SyntaxError: Unexpected token`. */
  message: string
}

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]/g
const ERROR_LINE = /\b([A-Z][A-Za-z]*Error|Error)(?: \[[A-Z_]+\])?: .+/
const CAUSE_LINE = /^\s*([A-Z][A-Za-z]*Error|Error)(?: \[[A-Z_]+\])?: .+/m

/**
 * Finds, in the output of a lift that failed, the error and where it points
 * among `files` (paths relative to the app, as the page binds them). Node
 * and Sails print the absolute path, then `:line` and sometimes `:column`.
 * Files the output does not name get no entry.
 */
export function findLiftErrors(
  output: string,
  files: readonly string[],
): FileError[] {
  const text = output.replace(ANSI, '').replace(/\r/g, '')
  // Sails wraps the cause ("Error: Attempted to `require(...)`, but an
  // error occurred:") and Node prints the cause on a line of its own, so a
  // line that starts with an error names it best.
  const message =
    CAUSE_LINE.exec(text)?.[0]?.trim() ??
    ERROR_LINE.exec(text)?.[0]?.trim() ??
    text.trim().split('\n').filter(Boolean).at(-1)?.trim() ??
    'The app failed to lift.'

  const errors: FileError[] = []
  for (const file of files) {
    const at = locate(text, file)
    if (at) errors.push({ file, ...at, message })
  }
  return errors
}

/**
 * Where the output points in `file`: the first mention with a line number,
 * else the first mention; null when it does not name the file.
 */
function locate(
  text: string,
  file: string,
): { line: number | null; column: number | null } | null {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const at = new RegExp(
    `(?:^|[\\s(/'"\`])${escaped}(?::(\\d+))?(?::(\\d+))?`,
    'gm',
  )
  let found: { line: number | null; column: number | null } | null = null
  for (const match of text.matchAll(at)) {
    if (match[1]) {
      return {
        line: Number(match[1]),
        column: match[2] ? Number(match[2]) : null,
      }
    }
    found ??= { line: null, column: null }
  }
  return found
}
