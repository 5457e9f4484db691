"""Read access to the audit trail written by the nightly sync job."""
import sqlite3

AUDIT_DB_PATH = '/var/lib/inventory/audit.db'


def _connect():
    conn = sqlite3.connect(AUDIT_DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def fetch_entries(limit):
    conn = _connect()
    try:
        rows = conn.execute(
            'SELECT id, actor, action, target, created_at FROM audit_log '
            'ORDER BY created_at DESC LIMIT ?',
            (limit,),
        ).fetchall()
    finally:
        conn.close()
    return [dict(row) for row in rows]
