import type { Theme } from 'vitepress'
import DefaultTheme from 'vitepress/theme'
import './brand.css'

/** The default theme, in the Boring Stack docs' colours. */
export default {
  extends: DefaultTheme,
} satisfies Theme
