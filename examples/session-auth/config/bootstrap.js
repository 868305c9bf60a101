/**
 * Seeds the demo account the login page names. The datastore is dropped at
 * each lift, so the demo user always gets the same id.
 */
module.exports.bootstrap = async function () {
  await User.create({
    email: 'demo@example.com',
    fullName: 'Demo Reader',
    password: await sails.helpers.passwords.hashPassword('boring-stack'),
  })
}
