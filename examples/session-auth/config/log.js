/**
 * Warnings and errors only: lifting prints the URL and nothing else.
 */
module.exports.log = {
  level: 'warn',
}
