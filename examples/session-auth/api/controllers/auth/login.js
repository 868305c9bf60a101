module.exports = {
  friendlyName: 'Log in',

  description: 'Log in with an email and password, for a while or for 30 days.',

  inputs: {
    email: { type: 'string', required: true, isEmail: true },
    password: { type: 'string', required: true },
    rememberMe: {
      type: 'boolean',
      description:
        'The "Remember me" checkbox (see read-remember-me-checkbox).',
    },
  },

  exits: {
    success: { responseType: 'redirect' },
    badCombo: {
      description: 'No user has this email, or the password is not theirs.',
      responseType: 'badCombo',
    },
  },

  fn: async function ({ email, password, rememberMe }) {
    const user = await User.findOne({
      email: email.toLowerCase()
    })

    if (!user) {
      throw 'badCombo'
    }

    await sails.helpers.passwords
      .checkPassword(password, user.password)
      .intercept('incorrect', 'badCombo')

    if (rememberMe) {
      this.req.session.cookie.maxAge =
        sails.config.custom.rememberMeCookieMaxAge
    }

    this.req.session.userId = user.id
    return '/'
  },
}
