/**
 * Sails answers with this when a request is missing an input or sends one of
 * the wrong shape. The only form of this app is the login form, so the form
 * comes back with a sentence that names the field to fix.
 *
 * @param {unknown} [err]
 */
module.exports = function badRequest(err) {
  const { req, res } = this
  const problems = /** @type {{ problems?: string[] }} */ (err || {}).problems
  const error = describeProblems(req, problems || [])

  if (req.method === 'POST' && req.path === '/login') {
    return res.status(400).view('pages/login', {
      email: String(req.param('email') || ''),
      error,
    })
  }
  return res.status(400).type('text').send(error)
}

/** What the reader sees for each field, when missing or malformed. */
const FIELD_PROBLEMS = {
  email: {
    missing: 'Email is required: type the email address of your account.',
    malformed: 'Email must be an email address, such as demo@example.com.',
  },
  password: {
    missing: 'Password is required: type the password of your account.',
    malformed: 'Password must be text.',
  },
}

/**
 * Turns Sails' list of input problems into sentences about the fields.
 *
 * @param {import('express').Request} req
 * @param {string[]} problems
 */
function describeProblems(req, problems) {
  const sentences = []
  for (const [field, text] of Object.entries(FIELD_PROBLEMS)) {
    if (!problems.some((problem) => problem.includes(`"${field}"`))) continue
    const given = req.param(field)
    sentences.push(
      given === undefined || given === '' ? text.missing : text.malformed,
    )
  }
  return sentences.length > 0
    ? sentences.join(' ')
    : 'The request is malformed: send the form from the login page again.'
}
