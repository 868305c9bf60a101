module.exports = {
  friendlyName: 'View home',

  description: 'Show who is logged in and what their session looks like.',

  exits: {
    success: { viewTemplatePath: 'pages/home' },
  },

  fn: async function () {
    const user = await User.findOne({ id: this.req.session.userId })
    const { expires } = this.req.session.cookie

    return {
      user,
      sessionId: this.req.sessionID,
      cookieEnds: expires
        ? `expires ${new Date(expires).toUTCString()}`
        : 'ends with the browser session',
    }
  },
}
