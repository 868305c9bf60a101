import { onBeforeUnmount } from 'vue'
import { useRoute } from 'vitepress'
import { PlaygroundStore } from './playground-store'

interface Held {
  store: PlaygroundStore
  users: number
}

const held = new Map<string, Held>()

/**
 * The page's store for `example`, shared by every component of the page that
 * shows it (the Run card, the live code blocks). The last one to unmount
 * disposes of it, which stops the app and frees the runtime when the reader
 * leaves the page.
 */
export function usePlayground(example: string): PlaygroundStore {
  const route = useRoute()
  if (import.meta.env.SSR) return new PlaygroundStore(example, route.path)

  const key = `${route.path}\u0000${example}`
  let entry = held.get(key)
  if (!entry) {
    entry = { store: new PlaygroundStore(example, route.path), users: 0 }
    held.set(key, entry)
  }
  const mine = entry
  mine.users++
  onBeforeUnmount(() => {
    mine.users--
    if (mine.users > 0) return
    held.delete(key)
    void mine.store.dispose()
  })
  return mine.store
}
