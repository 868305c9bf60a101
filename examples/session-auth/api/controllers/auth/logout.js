module.exports = {
  friendlyName: 'Log out',

  description:
    'Forget who is logged in. The session and its cookie stay, as in a ' +
    'Boring Stack app; only `userId` goes.',

  exits: {
    success: { responseType: 'redirect' },
  },

  fn: async function () {
    delete this.req.session.userId
    return '/login'
  },
}
