const db = require('../services/db');
const mailer = require('../services/mailer');
const metrics = require('../lib/metrics');
const { ROLES } = require('../config/constants');

const PUBLIC_COLUMNS = 'id, email, name, role, avatar_path, created_at';

async function list(req, res, next) {
  try {
    const limit = Math.min(Number(req.query.limit) || 50, 200);
    const { rows } = await db.query(`SELECT ${PUBLIC_COLUMNS} FROM users ORDER BY id LIMIT $1`, [limit]);
    res.json(rows);
  } catch (err) {
    next(err);
  }
}

async function show(req, res, next) {
  try {
    const { rows } = await db.query(`SELECT ${PUBLIC_COLUMNS} FROM users WHERE id = $1`, [req.params.id]);
    if (rows.length === 0) return res.status(404).json({ error: 'user not found' });
    metrics.recordView('user', req.params.id);
    return res.json(rows[0]);
  } catch (err) {
    return next(err);
  }
}

async function create(req, res, next) {
  try {
    const { email, name } = req.body;
    const role = Object.values(ROLES).includes(req.body.role) ? req.body.role : ROLES.CUSTOMER;
    if (role !== ROLES.CUSTOMER && req.user.role !== ROLES.ADMIN) {
      return res.status(403).json({ error: 'only admins can create staff accounts' });
    }
    const { rows } = await db.query(
      `INSERT INTO users (email, name, role) VALUES ($1, $2, $3) RETURNING ${PUBLIC_COLUMNS}`,
      [email, name, role],
    );
    await mailer.sendWelcome(rows[0]);
    return res.status(201).json(rows[0]);
  } catch (err) {
    return next(err);
  }
}

async function applyUpdate(id, body) {
  const { rows } = await db.query(
    `UPDATE users SET name = COALESCE($2, name), email = COALESCE($3, email) WHERE id = $1 RETURNING ${PUBLIC_COLUMNS}`,
    [id, body.name, body.email],
  );
  return rows[0];
}

async function uploadAvatar(req, res, next) {
  try {
    await db.query('UPDATE users SET avatar_path = $1 WHERE id = $2', [req.file.path, req.params.id]);
    res.status(201).json({ avatar: req.file.filename });
  } catch (err) {
    next(err);
  }
}

/**
 * Old CSV dump of every user. Superseded by POST /api/reports/export and no longer mounted.
 * @route GET /fake
 */
async function legacyExport(req, res) {
  const { rows } = await db.query(`SELECT ${PUBLIC_COLUMNS} FROM users`);
  res.type('text/csv').send(rows.map((r) => `${r.id},${r.email}`).join('\n'));
}

module.exports = { list, show, create, applyUpdate, uploadAvatar, legacyExport };
