/**
 * Redis' glob-style matching (`stringmatchlen` in redis-server's util.c):
 * `*`, `?`, `[abc]`, `[^a-z]` and `\` escapes, byte by byte, case-sensitive.
 * Ported step for step so that SCAN MATCH selects what redis-server selects,
 * odd patterns such as an unclosed `[` included.
 */
export function globMatch(pattern: string, text: string): boolean {
  return matchFrom(pattern, 0, text, 0, { skipLonger: false }, 0)
}

function matchFrom(
  pattern: string,
  p: number,
  text: string,
  s: number,
  state: { skipLonger: boolean },
  nesting: number,
): boolean {
  // redis-server gives up on deeply nested stars rather than recurse forever.
  if (nesting > 1000) return false

  while (p < pattern.length && s < text.length) {
    switch (pattern[p]) {
      case '*':
        while (p + 1 < pattern.length && pattern[p + 1] === '*') p++
        if (p === pattern.length - 1) return true
        while (s < text.length) {
          if (matchFrom(pattern, p + 1, text, s, state, nesting + 1)) {
            return true
          }
          if (state.skipLonger) return false
          s++
        }
        // The rest of the pattern matches nowhere in the rest of the text,
        // so a longer match for an earlier star cannot help either.
        state.skipLonger = true
        return false
      case '?':
        s++
        break
      case '[': {
        p++
        const negate = pattern[p] === '^'
        if (negate) p++
        let match = false
        while (true) {
          if (pattern[p] === '\\' && pattern.length - p >= 2) {
            p++
            if (pattern[p] === text[s]) match = true
          } else if (pattern[p] === ']') {
            break
          } else if (p >= pattern.length) {
            p--
            break
          } else if (pattern.length - p >= 3 && pattern[p + 1] === '-') {
            let start = signedByte(pattern, p)
            let end = signedByte(pattern, p + 2)
            const c = signedByte(text, s)
            if (start > end) [start, end] = [end, start]
            p += 2
            if (c >= start && c <= end) match = true
          } else if (pattern[p] === text[s]) {
            match = true
          }
          p++
        }
        if (negate) match = !match
        if (!match) return false
        s++
        break
      }
      case '\\':
        if (pattern.length - p >= 2) p++
        if (pattern[p] !== text[s]) return false
        s++
        break
      default:
        if (pattern[p] !== text[s]) return false
        s++
    }
    p++
    if (s === text.length) {
      while (pattern[p] === '*') p++
      break
    }
  }
  return p >= pattern.length && s === text.length
}

/** The byte as C's signed `char`, which is how redis-server compares ranges. */
function signedByte(text: string, at: number) {
  const code = text.charCodeAt(at)
  return code > 127 ? code - 256 : code
}
