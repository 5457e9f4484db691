"""Connection pool for the reporting warehouse (Postgres)."""
from contextlib import contextmanager

from psycopg2.pool import ThreadedConnectionPool

import settings

_pool = ThreadedConnectionPool(minconn=1, maxconn=8, dsn=settings.WAREHOUSE_DSN)


@contextmanager
def connect():
    """Borrow a pooled connection; this is *not* psycopg2.connect."""
    conn = _pool.getconn()
    try:
        yield conn
    finally:
        _pool.putconn(conn)
