/**
 * Sails loads hooks and adapters from the app's own `node_modules` folder
 * (`<app>/node_modules/<name>`), never from a parent. In this repository the
 * app is an npm workspace, so npm hoists its dependencies to the root
 * `node_modules` and the app's own folder has none of them.
 *
 * This links each dependency the app declares from wherever Node resolves it
 * into `<app>/node_modules`. It changes nothing when the packages are already
 * there (a standalone install, or a WebContainer after `npm install`).
 */
const fs = require('node:fs')
const path = require('node:path')

const appPath = path.resolve(__dirname, '..')
const { dependencies = {} } = require(path.join(appPath, 'package.json'))

for (const name of Object.keys(dependencies)) {
  const link = path.join(appPath, 'node_modules', name)
  if (fs.existsSync(link)) continue

  const target = path.dirname(
    require.resolve(`${name}/package.json`, { paths: [appPath] }),
  )
  fs.mkdirSync(path.dirname(link), { recursive: true })
  fs.symlinkSync(target, link, 'dir')
}
