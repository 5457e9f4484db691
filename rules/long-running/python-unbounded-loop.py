import time


def wait_for_stock(item_id, db, deadline):
    while True:
    #^^^^^^^^^^ long-running/python-unbounded-loop
        item = db.get(item_id)
        if item.stock > 0:
            return item
        if time.monotonic() >= deadline:
            raise TimeoutError
        time.sleep(1.0)


async def price_events(poll):
    while 1:
    #^^^^^^^ long-running/python-unbounded-loop
        yield await poll()


def retry(call):
    attempts = 0
    while attempts < 3:
        # ok: a bounded loop
        attempts += 1
        call()
    while False:
        # ok: never runs
        pass
    while 0:
        # ok: never runs
        pass


while True:
    # ok: module level (a worker script's main loop, not a request)
    break
