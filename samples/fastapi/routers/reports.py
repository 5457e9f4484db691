import json

import psycopg2
import redis
from fastapi import APIRouter, Query

import settings
from services import warehouse

router = APIRouter(prefix='/reports', tags=['reports'])

# Shared client; redis-py keeps a connection pool behind it.
_redis = redis.Redis.from_url(settings.REDIS_URL)

REPORT_TTL_SECONDS = 600
SALES_SQL = (
    'SELECT day, SUM(revenue) AS revenue, SUM(units) AS units '
    'FROM daily_sales WHERE day >= CURRENT_DATE - %s GROUP BY day ORDER BY day'
)


def _rows_to_report(rows):
    return [{'day': day.isoformat(), 'revenue': float(revenue), 'units': int(units)} for day, revenue, units in rows]


@router.get('/sales')
def sales_report(days: int = Query(30, ge=1, le=365)):
    key = f'report:sales:{days}'
    cached = _redis.get(key)
    if cached:
        return json.loads(cached)
    with warehouse.connect() as conn:
        with conn.cursor() as cur:
            cur.execute(SALES_SQL, (days,))
            report = _rows_to_report(cur.fetchall())
    _redis.setex(key, REPORT_TTL_SECONDS, json.dumps(report))
    return report


@router.get('/legacy-sales')
def legacy_sales_report(days: int = 30):
    """Kept for the old BI dashboard; not migrated to the pool yet."""
    conn = psycopg2.connect(settings.WAREHOUSE_DSN)
    try:
        with conn.cursor() as cur:
            cur.execute(SALES_SQL, (days,))
            return _rows_to_report(cur.fetchall())
    finally:
        conn.close()
