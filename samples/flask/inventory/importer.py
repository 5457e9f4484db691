"""Bulk item import from supplier CSV sheets."""
import pandas as pd

from .extensions import db
from .models import Item

REQUIRED_COLUMNS = ('sku', 'name', 'price')


def import_csv(stream):
    frame = pd.read_csv(stream, dtype={'sku': str})
    missing = [col for col in REQUIRED_COLUMNS if col not in frame.columns]
    if missing:
        raise ValueError(f'missing columns: {", ".join(missing)}')
    frame = frame.dropna(subset=['sku', 'price']).drop_duplicates(subset='sku')
    for row in frame.itertuples(index=False):
        db.session.add(Item(
            sku=row.sku,
            name=row.name,
            price_cents=int(round(float(row.price) * 100)),
            currency=getattr(row, 'currency', 'EUR') or 'EUR',
        ))
    db.session.commit()
    return len(frame)
