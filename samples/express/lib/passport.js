const passport = require('passport');
const { Strategy: GitHubStrategy } = require('passport-github2');
const db = require('../services/db');

passport.use(
  new GitHubStrategy(
    {
      clientID: process.env.GITHUB_CLIENT_ID,
      clientSecret: process.env.GITHUB_CLIENT_SECRET,
      callbackURL: '/auth/github/callback',
    },
    async (accessToken, refreshToken, profile, done) => {
      const { rows } = await db.query('SELECT id FROM users WHERE github_id = $1', [profile.id]);
      done(null, rows[0] || false);
    },
  ),
);

module.exports = passport;
