import { afterAll, beforeAll } from 'vitest'
import { describeContainerContract } from '../contract/container-contract'
import {
  startTestRuntime,
  type TestRuntimeServer,
} from '../fixtures/local-runtime-server'

let server: TestRuntimeServer

beforeAll(async () => {
  server = await startTestRuntime({ limits: { maxSandboxes: 16 } })
})
afterAll(() => server.close())

describeContainerContract('the local runtime', () => server.connect())
