/**
 * Splits an inline command (`SET key "a value"`) into arguments the way
 * redis-server's `sdssplitargs` does, quotes and escapes included.
 *
 * Works on latin1 strings, one character per byte. Returns undefined for
 * unbalanced quotes, which redis-server answers with a protocol error.
 */
export function splitInlineArgs(line: string): string[] | undefined {
  const args: string[] = []
  let i = 0

  while (true) {
    while (i < line.length && isSpace(line[i]!)) i++
    if (i >= line.length) return args

    let current = ''
    let quote: '"' | "'" | undefined
    let done = false
    while (!done) {
      const char = line[i]
      const next = line[i + 1]
      if (quote === '"') {
        if (char === '\\' && next === 'x' && isHex(line, i + 2)) {
          current += String.fromCharCode(parseInt(line.slice(i + 2, i + 4), 16))
          i += 3
        } else if (char === '\\' && next !== undefined) {
          i++
          current += ESCAPES[next] ?? next
        } else if (char === '"') {
          if (next !== undefined && !isSpace(next)) return undefined
          done = true
        } else if (char === undefined) {
          return undefined
        } else {
          current += char
        }
      } else if (quote === "'") {
        if (char === '\\' && next === "'") {
          i++
          current += "'"
        } else if (char === "'") {
          if (next !== undefined && !isSpace(next)) return undefined
          done = true
        } else if (char === undefined) {
          return undefined
        } else {
          current += char
        }
      } else if (char === undefined || ' \n\r\t\0'.includes(char)) {
        done = true
      } else if (char === '"' || char === "'") {
        quote = char
      } else {
        current += char
      }
      if (i < line.length) i++
    }
    args.push(current)
  }
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  r: '\r',
  t: '\t',
  b: '\b',
  a: '\x07',
}

/** C's `isspace` in the C locale. */
function isSpace(char: string) {
  return ' \t\n\v\f\r'.includes(char)
}

function isHex(line: string, at: number) {
  return /^[0-9a-fA-F]{2}$/.test(line.slice(at, at + 2))
}
