/**
 * sails-disk kept in memory: nothing is written to disk, and a restart starts
 * from the seed in `config/bootstrap.js`, like a fresh database.
 */
module.exports.datastores = {
  default: {
    adapter: 'sails-disk',
    inMemoryOnly: true,
  },
}
