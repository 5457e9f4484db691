const Datastore = require('nedb');

// Wishlists were a hackathon feature: an embedded nedb file instead of a table in Postgres.
const wishlists = new Datastore({ filename: 'data/wishlists.db', autoload: true });

function forUser(userId) {
  return new Promise((resolve, reject) => {
    wishlists.find({ userId }).sort({ addedAt: -1 }).exec((err, docs) => (err ? reject(err) : resolve(docs)));
  });
}

function add(userId, productId) {
  return new Promise((resolve, reject) => {
    wishlists.insert({ userId, productId, addedAt: Date.now() }, (err, doc) => (err ? reject(err) : resolve(doc)));
  });
}

module.exports = { forUser, add };
