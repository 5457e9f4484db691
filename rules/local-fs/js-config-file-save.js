const nconf = require('nconf');
const store = require('./store');

nconf.file({ file: 'config/flags.json' });
// ok: reading the file

function setFlag(name, enabled) {
  nconf.set(`flags:${name}`, enabled);
  // ok: memory only until saved
  nconf.save();
  //^^^^^^^^^^ local-fs/js-config-file-save
}

function saveSettings(values, done) {
  Object.entries(values).forEach(([k, v]) => nconf.set(k, v));
  nconf.save((err) => done(err));
  //^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-config-file-save
}

function saveOrder(order) {
  return store.save(order);
  // ok: another object's save
}

module.exports = { setFlag, saveSettings, saveOrder };
