const Datastore = require('nedb');
const DatastoreP = require('nedb-promises');
const low = require('lowdb');
const FileSync = require('lowdb/adapters/FileSync');
const Memory = require('lowdb/adapters/Memory');
const { Low } = require('lowdb');
const { JSONFile, JSONFilePreset } = require('lowdb/node');
const { Blob } = require('buffer');

const wishlists = new Datastore({ filename: 'data/wishlists.db', autoload: true });
//                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-embedded-file-db
const users = new Datastore('data/users.db');
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-embedded-file-db
const carts = DatastoreP.create({ filename: 'data/carts.db' });
//            ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-embedded-file-db
const db = {};
db.orders = new Datastore({ filename: 'data/orders.db', autoload: true });
//          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-embedded-file-db
const scratch = new Datastore();
// ok: in memory
const temp = new Datastore({ inMemoryOnly: true });
// ok: in memory

const legacy = low(new FileSync('db.json'));
//                 ^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-embedded-file-db
const cache = low(new Memory());
// ok: lowdb's in-memory adapter
const posts = new Low(new JSONFile('posts.json'), { posts: [] });
//                    ^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-embedded-file-db

async function open() {
  const settings = await JSONFilePreset('settings.json', { theme: 'light' });
  //                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/js-embedded-file-db
  return settings;
}

const blob = new Blob(['x']);
// ok: not a database
class Store {}
const local = new Store({ filename: 'x.db' });
// ok: a class of the app, not nedb

module.exports = { wishlists, users, carts, db, scratch, temp, legacy, cache, posts, open, blob, local };
