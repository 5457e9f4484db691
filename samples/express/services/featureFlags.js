const nconf = require('nconf');

// Feature flags live in a JSON file next to the app; admins flip them at run time.
nconf.file('flags', { file: 'config/flags.json' });

function isEnabled(name) {
  return Boolean(nconf.get(`flags:${name}`));
}

function setFlag(name, enabled) {
  nconf.set(`flags:${name}`, Boolean(enabled));
  return new Promise((resolve, reject) => {
    nconf.save((err) => (err ? reject(err) : resolve(isEnabled(name))));
  });
}

module.exports = { isEnabled, setFlag };
