const { execSync } = require('child_process');
const config = require('../config');

// Streams a CSV export straight out of psql; much faster than paging through the pool.
function exportOrdersCsv(from, to) {
  const sql = `SELECT id, user_id, status, total_cents, created_at FROM orders WHERE created_at BETWEEN '${from}' AND '${to}' ORDER BY created_at`;
  return execSync(`psql "${config.databaseUrl}" -c "\\copy (${sql}) TO STDOUT WITH CSV HEADER"`, {
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120000,
  });
}

module.exports = { exportOrdersCsv };
