import os
import sqlite3

import aiosqlite
from sqlalchemy import create_engine

AUDIT_DB_PATH = '/var/lib/inventory/audit.db'
shared = sqlite3.connect('shared.db')
# ok: module level (local-fs/python-sqlite-file-db reports it app-wide)


def _connect():
    conn = sqlite3.connect(AUDIT_DB_PATH)
    #      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-file-connect
    conn.row_factory = sqlite3.Row
    return conn


async def recent():
    async with aiosqlite.connect(os.path.join('/srv', 'events.db')) as db:
    #          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-file-connect
        return await db.execute('select 1')


def report():
    engine = create_engine('sqlite:///reports.db')
    #        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-file-connect
    return engine


def scratch():
    db = sqlite3.connect(':memory:')
    # ok: in memory
    engine = create_engine('sqlite://')
    # ok: in memory
    pg = create_engine('postgresql://app@db/app')
    # ok: a network database (connection-per-request reports the per-call engine)
    return db, engine, pg
