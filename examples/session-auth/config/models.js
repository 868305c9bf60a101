/**
 * Defaults for every model. The demo data lives in memory and is dropped and
 * seeded again at each lift, so ids stay the same from one lift to the next.
 */
module.exports.models = {
  migrate: 'drop',
  attributes: {
    id: { type: 'number', autoIncrement: true },
    createdAt: { type: 'number', autoCreatedAt: true },
    updatedAt: { type: 'number', autoUpdatedAt: true },
  },
}
