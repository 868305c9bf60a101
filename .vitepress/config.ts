import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitepress'
import { coiHeadTags } from '../playground/deploy/coi-service-worker'
import { writeStaticHostFiles } from '../playground/deploy/host-configs'
import { exampleFiles } from '../playground/examples/vite-plugin'
import { localRuntime } from '../playground/local/vite-plugin'
import { liveFences } from '../playground/markdown/live-fences'
import { redisStandinCode } from '../playground/redis-standin/vite-plugin'
import { writeSnapshotAssets } from '../scripts/build-snapshot'
import {
  UPSTREAM_DOCS,
  boringStackNav,
  boringStackSidebar,
} from './boring-stack-sidebar'
import { findHostedPages } from './hosted-pages'
import { resolvePagerLinks } from './pager-links'

const srcDir = fileURLToPath(new URL('../docs', import.meta.url))
const examplesDir = fileURLToPath(new URL('../examples', import.meta.url))
const hosted = findHostedPages(srcDir)
const base = process.env.DOCS_BASE ?? '/'

/**
 * Where "Edit this page" leads. The pages mirror the Boring Stack docs' paths,
 * so by default it opens the same file in the Boring Stack docs' repository;
 * a fork sets DOCS_EDIT_PATTERN to its own.
 */
const editPattern =
  process.env.DOCS_EDIT_PATTERN ??
  'https://github.com/sailscastshq/docs.sailscasts.com/edit/main/docs/:path'

export default defineConfig({
  srcDir: 'docs',
  // Pages that only the browser tests need, such as two code groups with the
  // same tab labels; the build for the tests sets DOCS_TEST_PAGES=1.
  srcExclude: process.env.DOCS_TEST_PAGES === '1' ? [] : ['tests/**'],
  base,
  lang: 'en-US',
  title: 'The Boring JavaScript Stack',
  description:
    'The Boring JavaScript Stack docs, with examples you can run in the page.',
  cleanUrls: true,
  lastUpdated: true,
  head: [
    ['meta', { name: 'theme-color', content: '#fecb05' }],
    [
      'link',
      { rel: 'icon', type: 'image/svg+xml', href: `${base}favicon.svg` },
    ],
    ...coiHeadTags(base),
  ],

  markdown: {
    config(md) {
      liveFences(md, { examplesDir })
    },
  },

  vite: {
    // Bundled ahead, so the first Run in a fresh clone does not make Vite
    // optimise them mid-page and reload it.
    optimizeDeps: {
      include: [
        '@codemirror/commands',
        '@codemirror/lang-javascript',
        '@codemirror/language',
        '@codemirror/state',
        '@codemirror/view',
        '@lezer/highlight',
        '@msgpack/msgpack',
        '@webcontainer/api',
        '@xterm/addon-fit',
        '@xterm/xterm',
      ],
    },
    plugins: [
      localRuntime(),
      exampleFiles({ root: examplesDir }),
      redisStandinCode(),
    ],
  },

  async buildEnd(site) {
    await writeSnapshotAssets(site.outDir, { log: console.log })
    // Lists the snapshot files it finds, so it comes after them.
    await writeStaticHostFiles(site.outDir, base)
  },

  transformPageData(pageData) {
    resolvePagerLinks(pageData.frontmatter, hosted)
  },

  themeConfig: {
    search: { provider: 'local' },
    nav: [boringStackNav(hosted)],
    sidebar: { '/boring-stack/': boringStackSidebar(hosted) },
    editLink: {
      pattern: editPattern,
      text: 'Edit this page on GitHub',
    },
    socialLinks: [{ icon: 'github', link: 'https://github.com/sailscastshq' }],
    footer: {
      message: `The text of these pages comes from the <a href="${UPSTREAM_DOCS}/boring-stack/getting-started">Boring JavaScript Stack docs</a>.`,
    },
  },
})
