"""Server-sent event generators."""
import asyncio
import json

from database import SessionLocal
from models import Item

POLL_INTERVAL_SECONDS = 2.0


async def price_events(item_id):
    last_price = None
    while True:
        with SessionLocal() as db:
            item = db.get(Item, item_id)
        if item is None:
            yield 'event: gone\ndata: {}\n\n'
            return
        if item.price != last_price:
            last_price = item.price
            yield f'data: {json.dumps({"item_id": item_id, "price": str(item.price)})}\n\n'
        await asyncio.sleep(POLL_INTERVAL_SECONDS)
