/**
 * The reader's edits, kept in the browser per page and example so they
 * survive a reload and a visit to other pages. Storage can be full, off or
 * blocked (private windows, strict settings): then edits last as long as the
 * page, and nothing fails.
 */
export interface SavedEdits {
  load(): Record<string, string>
  save(edits: Record<string, string>): void
}

/** Edits of `example` on the page at `pagePath`, in `storage`. */
export function savedEdits(
  pagePath: string,
  example: string,
  storage: Storage | null = safeLocalStorage(),
): SavedEdits {
  const key = `boring-playground:edits:${pagePath}:${example}`
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '{}')
        if (typeof parsed !== 'object' || parsed === null) return {}
        return Object.fromEntries(
          Object.entries(parsed).filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        )
      } catch {
        return {}
      }
    },
    save(edits) {
      try {
        if (Object.keys(edits).length === 0) storage?.removeItem(key)
        else storage?.setItem(key, JSON.stringify(edits))
      } catch {
        // Full or blocked storage: the edits stay in the page.
      }
    },
  }
}

function safeLocalStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}
