const mysql = require('mysql2/promise');
const config = require('../config');

// Orders placed before the 2023 migration still live in the old MySQL archive.
async function queryArchive(sql, params) {
  const conn = await mysql.createConnection(config.legacyDb);
  try {
    const [rows] = await conn.execute(sql, params);
    return rows;
  } finally {
    await conn.end();
  }
}

module.exports = { queryArchive };
