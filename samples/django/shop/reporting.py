"""Daily KPI summary computed from the analytics warehouse."""
import pandas as pd
from django.conf import settings
from sqlalchemy import create_engine, text

DAILY_SQL = text(
    'SELECT order_id, country, total, created_at FROM fact_orders '
    'WHERE created_at::date = :day'
)


def _warehouse_engine():
    return create_engine(settings.WAREHOUSE_URL)


def daily_summary(day):
    engine = _warehouse_engine()
    try:
        frame = pd.read_sql_query(DAILY_SQL, engine, params={'day': day})
    finally:
        engine.dispose()
    if frame.empty:
        return {'day': day, 'orders': 0, 'revenue': 0.0, 'by_country': {}}
    by_country = frame.groupby('country')['total'].sum().round(2)
    return {
        'day': day,
        'orders': int(frame['order_id'].nunique()),
        'revenue': round(float(frame['total'].sum()), 2),
        'by_country': {k: float(v) for k, v in by_country.items()},
    }
