import asyncio
import time
from time import sleep

POLL_INTERVAL_SECONDS = 2.0


def rebuild_thumbnails(run):
    for attempt in range(3):
        if run():
            return True
        time.sleep(2 ** attempt)
        #^^^^^^^^^^^^^^^^^^^^^^^ long-running/python-sleep
    sleep(1.0)
    #^^^^^^^^^ long-running/python-sleep
    time.sleep(0.1)
    # ok: a sub-second literal back-off
    deadline = time.monotonic() + 30
    # ok: reads the clock
    return deadline


async def price_events(poll):
    while await poll():
        await asyncio.sleep(POLL_INTERVAL_SECONDS)
        #     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-running/python-sleep
        await asyncio.sleep(0)
        # ok: yields to the event loop, no wait


def throttle(limiter):
    limiter.sleep(5)
    # ok: not time.sleep (an object's own method)


time.sleep(3)
# ok: module level (import time, not a request)
