import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/** The time in ms, updated every `intervalMs` while the component is mounted. */
export function useNow(intervalMs = 1000): Readonly<Ref<number>> {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | undefined
  onMounted(() => {
    timer = setInterval(() => (now.value = Date.now()), intervalMs)
  })
  onBeforeUnmount(() => clearInterval(timer))
  return now
}
