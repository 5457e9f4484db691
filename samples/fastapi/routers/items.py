import time

from cachetools import TTLCache
from fastapi import APIRouter, BackgroundTasks, Depends, HTTPException
from fastapi.responses import StreamingResponse
from sqlalchemy.orm import Session

from database import get_db
from models import Item, PricePoint
from schemas import ItemCreate, ItemOut
from services import notifications, pricing, streams

router = APIRouter(prefix='/items', tags=['items'])

_item_cache = TTLCache(maxsize=1024, ttl=300)


@router.get('/', response_model=list[ItemOut])
def list_items(skip: int = 0, limit: int = 50, db: Session = Depends(get_db)):
    return db.query(Item).order_by(Item.id).offset(skip).limit(min(limit, 200)).all()


@router.get('/{item_id}', response_model=ItemOut)
def read_item(item_id: int, db: Session = Depends(get_db)):
    cached = _item_cache.get(item_id)
    if cached is not None:
        return cached
    item = db.get(Item, item_id)
    if item is None:
        raise HTTPException(status_code=404, detail='Item not found')
    result = ItemOut.model_validate(item)
    _item_cache[item_id] = result
    return result


@router.post('/', response_model=ItemOut, status_code=201)
def create_item(payload: ItemCreate, background_tasks: BackgroundTasks, db: Session = Depends(get_db)):
    item = Item(**payload.model_dump())
    db.add(item)
    db.commit()
    db.refresh(item)
    background_tasks.add_task(notifications.notify_watchers, item.id, item.name)
    return item


@router.post('/{item_id}/reprice', response_model=ItemOut)
def reprice_item(item_id: int, db: Session = Depends(get_db)):
    item = db.get(Item, item_id)
    if item is None:
        raise HTTPException(status_code=404, detail='Item not found')
    history = [
        row.price
        for row in db.query(PricePoint.price)
        .filter(PricePoint.item_id == item_id)
        .order_by(PricePoint.recorded_at)
    ]
    item.price = pricing.suggest_price(history, item.price, item.cost)
    db.add(PricePoint(item_id=item_id, price=item.price))
    db.commit()
    _item_cache.pop(item_id, None)
    return item


@router.get('/{item_id}/stream')
async def stream_item_price(item_id: int):
    return StreamingResponse(streams.price_events(item_id), media_type='text/event-stream')


@router.get('/{item_id}/wait-for-stock')
def wait_for_stock(item_id: int, timeout: float = 30.0, db: Session = Depends(get_db)):
    deadline = time.monotonic() + min(timeout, 60.0)
    while True:
        db.expire_all()
        item = db.get(Item, item_id)
        if item is not None and item.stock > 0:
            return {'item_id': item_id, 'stock': item.stock}
        if time.monotonic() >= deadline:
            raise HTTPException(status_code=408, detail='Timed out waiting for stock')
        time.sleep(1.0)
