import { afterAll } from 'vitest'
import {
  bootWebContainer,
  shutdownWebContainer,
} from '../../playground/webcontainer/adapter'
import { describeContainerContract } from '../contract/container-contract'
import { createFakeWebContainerApi } from '../fixtures/fake-webcontainer'

const api = createFakeWebContainerApi()

afterAll(async () => {
  await shutdownWebContainer(true)
  await api.whenTornDown()
})

describeContainerContract('the WebContainer adapter (over a fake)', () =>
  bootWebContainer({ api, timeoutMs: 5000 }),
)
