const { Pool, Client } = require('pg');
const pg = require('pg');
const mysql = require('mysql2/promise');
const mongoose = require('mongoose');
const { MongoClient } = require('mongodb');
const { createClient } = require('redis');
const Redis = require('ioredis');
const knex = require('knex');
const { Sequelize } = require('sequelize');
const { PrismaClient } = require('@prisma/client');
const db = require('./db');

// ok: created once per process and reused (the remedy)
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const prisma = new PrismaClient();
const redis = new Redis(process.env.REDIS_URL);
mongoose.connect(process.env.MONGO_URL, { maxPoolSize: 10 });

async function queryArchive(sql, params) {
  const conn = await mysql.createConnection(process.env.LEGACY_URL);
  //           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ connection-per-request/js-db-connect
  try {
    const [rows] = await conn.execute(sql, params);
    return rows;
  } finally {
    await conn.end();
  }
}

async function revenue() {
  const reportPool = new pg.Pool({ max: 2 });
  //                 ^^^^^^^^^^^ connection-per-request/js-db-connect
  const client = new Client();
  //             ^^^^^^^^^^ connection-per-request/js-db-connect
  await client.connect();
  return reportPool.query('select 1');
}

async function recordAudit(entry) {
  await mongoose.connect(process.env.AUDIT_MONGO_URL);
  //    ^^^^^^^^^^^^^^^^ connection-per-request/js-db-connect
  const mongo = await new MongoClient(process.env.MONGO_URL).connect();
  //                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ connection-per-request/js-db-connect
  return mongo.db().collection('audit').insertOne(entry);
}

function makeClients() {
  const cache = createClient({ url: process.env.REDIS_URL });
  //            ^^^^^^^^^^^^ connection-per-request/js-db-connect
  const sequelize = new Sequelize(process.env.DATABASE_URL);
  //                ^^^^^^^^^^^^^ connection-per-request/js-db-connect
  return { cache, sequelize };
}

const replica = () => new PrismaClient({ datasources: { db: { url: process.env.REPLICA_URL } } });
//                    ^^^^^^^^^^^^^^^^ connection-per-request/js-db-connect

function builder() {
  return knex({ client: 'pg', connection: process.env.DATABASE_URL });
  //     ^^^^ connection-per-request/js-db-connect
}

async function handler(req, res) {
  // ok: uses the module-level pool and clients
  const { rows } = await pool.query('select 1');
  await redis.get('k');
  const user = await prisma.user.findUnique({ where: { id: req.params.id } });
  // ok: checks a client out of the shared pool
  const conn = await pool.connect();
  conn.release();
  // ok: the app's own module
  await db.connect();
  // ok: model registration and disconnects, not connections
  await mongoose.disconnect();
  mongoose.set('strictQuery', true);
  await MongoClient.close;
  const Item = mongoose.model('Item');
  res.json({ rows, user, Item });
}

async function testSettings(request, response) {
  const settings = request.body.dbConfig;
  // ok: a connection to the server the request names, to test the submitted settings
  const connection = await mysql.createConnection({ host: settings.hostname, user: settings.username });
  await connection.end();
  response.json({ ok: true });
}

let cached = global.mongoose || { conn: null, promise: null };
async function dbConnect() {
  if (cached.conn) return cached.conn;
  // ok: the Next.js cached-connection idiom
  if (!cached.promise) cached.promise = mongoose.connect(process.env.MONGO_URL).then((m) => m);
  cached.conn = await cached.promise;
  return cached.conn;
}

let lazy;
function getPrisma() {
  // ok: lazy singletons, created once per process
  globalThis.prisma ??= new PrismaClient();
  if (!lazy) lazy = new PrismaClient();
  return globalThis.prisma ?? new PrismaClient();
}

class ReportsRepository {
  constructor() {
    // ok: a constructor assignment (a singleton provider in most frameworks)
    this.pool = new Pool({ max: 2 });
  }
}

module.exports = { dbConnect, queryArchive, revenue, recordAudit, makeClients, replica, builder, handler, getPrisma, ReportsRepository };
