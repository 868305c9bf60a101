module.exports = {
  friendlyName: 'View login',

  description: 'Show the login form, with the demo account written on it.',

  exits: {
    success: { viewTemplatePath: 'pages/login' },
  },

  fn: async function () {
    return { email: '', error: null }
  },
}
