import type { LocalRuntimeOffer } from '../container/choose-runtime'
import type { Container, RuntimeKind } from '../container/types'

/**
 * Connects to the chosen runtime. Both implementations are imported on
 * demand, so neither lands in the page's first chunk nor runs during
 * VitePress' server-side render.
 */
export async function connectRuntime(
  runtime: RuntimeKind,
  signal: AbortSignal,
  offer: LocalRuntimeOffer | null = null,
): Promise<Container> {
  if (runtime === 'local') {
    const { connectLocalContainer } = await import('../local/client')
    return connectLocalContainer({ signal, offer })
  }
  const { bootWebContainer } = await import('../webcontainer/adapter')
  return bootWebContainer({ signal })
}
