import type { FileTree } from '../container/types'
import type { PlaygroundDependencies } from './playground-store'

/**
 * What a page's store uses to run its example: the session controller, the
 * example's files as the site bundles them, and the prebuilt snapshot for a
 * WebContainer. Each is imported when first needed, so none of it is in the
 * page's first chunk.
 */
export const defaultDependencies: PlaygroundDependencies = {
  async createSession(choice, layers) {
    const { createExampleSession } = await import('../session/example-session')
    if (choice.kind === 'local') {
      return createExampleSession({ runtime: 'local', files: layers })
    }
    const { redisStandinService } =
      await import('../webcontainer/redis-standin-service')
    return createExampleSession({
      runtime: 'webcontainer',
      files: layers,
      beforeLift: redisStandinService(
        async () => (await import('virtual:redis-standin')).default,
      ),
    })
  },
  loadFiles: (example) => loadExampleFiles(example),
  async loadSnapshot(example) {
    const { loadExampleSnapshot } = await import('../snapshot/load-snapshot')
    return loadExampleSnapshot(example, { base: import.meta.env.BASE_URL })
  },
}

async function loadExampleFiles(example: string): Promise<FileTree> {
  const examples: Record<string, () => Promise<{ default: FileTree }>> = {
    'session-auth': () => import('virtual:example/session-auth'),
  }
  const load = examples[example]
  if (!load) {
    throw new Error(
      `The page names the example "${example}", which the site does not bundle; add it to loadExampleFiles in playground/live/default-dependencies.ts.`,
    )
  }
  return (await load()).default
}
