/**
 * Server-rendered EJS views, each wrapped in `views/layouts/layout.ejs`.
 */
module.exports.views = {
  extension: 'ejs',
  layout: 'layouts/layout',
}
