import type { Theme } from 'vitepress'
import DefaultTheme from 'vitepress/theme'
import LiveFile from '../../playground/components/LiveFile.vue'
import SessionPlayground from '../../playground/components/SessionPlayground.vue'
import './brand.css'

/** The default theme, in the Boring Stack docs' colours, with the live parts. */
export default {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('SessionPlayground', SessionPlayground)
    app.component('LiveFile', LiveFile)
  },
} satisfies Theme
