import {
  browserRuntimeEnvironment,
  chooseRuntime,
  type RuntimeChoice,
} from '../container/choose-runtime'
import { requestLocalRuntime } from '../local/request-offer'
import { pageHasLocalRuntime } from '../local/runtime-marker'

/**
 * Chooses the runtime for this page in the browser (call it in `onMounted`):
 * the `?runtime=` query, then the page origin's local runtime (asked for only
 * when the page's response says it has one), then a
 * WebContainer, else "unavailable" with the reason. Pass the choice to
 * `createExampleSession`.
 */
export function detectRuntime(signal?: AbortSignal): Promise<RuntimeChoice> {
  return chooseRuntime(
    browserRuntimeEnvironment(async () =>
      pageHasLocalRuntime() ? requestLocalRuntime({ signal }) : null,
    ),
  )
}
