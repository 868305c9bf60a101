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
  const message =
    ERROR_LINE.exec(text)?.[0]?.trim() ??
    text.trim().split('\n').filter(Boolean).at(-1)?.trim() ??
    'The app failed to lift.'

  const errors: FileError[] = []
  for (const file of files) {
    const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const at = new RegExp(
      `(?:^|[\\s(/])${escaped}(?::(\\d+))?(?::(\\d+))?`,
      'm',
    )
    const match = at.exec(text)
    if (!match) continue
    errors.push({
      file,
      line: match[1] ? Number(match[1]) : null,
      column: match[2] ? Number(match[2]) : null,
      message,
    })
  }
  return errors
}
