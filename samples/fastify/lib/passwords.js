const crypto = require('crypto');
const { promisify } = require('util');

const scrypt = promisify(crypto.scrypt);

async function verifyPassword(password, stored) {
  const [salt, hash] = String(stored).split(':');
  const derived = await scrypt(String(password), salt, 64);
  return crypto.timingSafeEqual(derived, Buffer.from(hash, 'hex'));
}

module.exports = { verifyPassword };
