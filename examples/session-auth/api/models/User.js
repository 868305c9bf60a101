/**
 * Someone who can log in. The password is stored as a bcrypt hash made by
 * `sails.helpers.passwords.hashPassword`.
 */
module.exports = {
  attributes: {
    email: { type: 'string', required: true, unique: true, isEmail: true },
    fullName: { type: 'string', required: true },
    password: { type: 'string', required: true, protect: true },
  },
}
