import random
import time
from secrets import token_urlsafe


def wait_for_stock(item_id, db):
    while True:
    #^^^^^^^^^^ long-running/python-unbounded-loop
        item = db.get(item_id)
        if item.stock > 0:
            return item
        time.sleep(1.0)


async def price_events(poll):
    while 1:
    #^^^^^^^ long-running/python-unbounded-loop
        yield await poll()


def consume(queue, handled):
    while True:
    #^^^^^^^^^^ long-running/python-unbounded-loop
        job = queue.get()
        handled += 1
        # a counter that no condition reads bounds nothing
        if job is None:
            break
        job.run()


def wait_with_deadline(item_id, db, deadline):
    while True:
    #^^^^^^^^^^ long-running/python-unbounded-loop
        # a poll that sleeps until its deadline, however far
        item = db.get(item_id)
        if item.stock > 0:
            return item
        if time.monotonic() >= deadline:
            raise TimeoutError
        time.sleep(1.0)


def read_reply(sock, start, timeout):
    while True:
        # ok: a deadline on the clock
        ch = sock.recv(1)
        if ch == b"\n":
            return ch
        if time.time() - start > timeout:
            raise TimeoutError("timed out")


def put_object(client, data):
    retries = 10
    while True:
        # ok: a retry budget it steps and tests
        try:
            client.put(data)
            break
        except IOError:
            if retries > 0:
                retries -= 1
                continue
            raise


def request(call, retry):
    tries_left = 3 if retry else 1
    while True:
        # ok: a retry budget stepped by an assignment
        try:
            return call()
        except IOError as e:
            tries_left = 0 if e.errno else tries_left - 1
            if tries_left == 0:
                raise


def make_key(self):
    while True:
        # ok: rejection sampling, a fresh draw each pass
        secret = token_urlsafe(21)
        if "-" not in secret and "_" not in secret:
            break
    while True:
        # ok: the same on an attribute
        self.ping_key = token_urlsafe(16).lower()
        if "_" not in self.ping_key:
            break
    while True:
        # ok: a draw tested before returning
        n = random.randint(0, 100)
        if n % 7 == 0:
            return n


def next_report(dt, weekly):
    while True:
        # ok: a date stepped towards the next Monday
        dt += 1
        if weekly and dt % 7 == 0:
            return dt


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
