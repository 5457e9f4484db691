import _thread
import gevent
import threading
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Process

from gevent import spawn_later

from .models import Thread, ReplyWorker


class EmailThread(threading.Thread):
    def __init__(self, message):
        threading.Thread.__init__(self)
        self.message = message

    def run(self):
        self.message.send()


class RetryingEmailThread(EmailThread):
    pass

pool = ThreadPoolExecutor(max_workers=4)
# ok: module level; nothing runs until a request submits to it
worker = threading.Thread(target=print)
# ok: module level (a startup thread, not per request)


def reindex_item(item_id):
    threading.Thread(target=rebuild_for, args=(item_id,), daemon=True).start()
    #^^^^^^^^^^^^^^^ background-work/python-thread
    return 'scheduled', 202


def send_async(msg):
    t = Process(target=deliver, args=(msg,))
    #   ^^^^^^^ background-work/python-thread
    t.start()
    threading.Timer(5.0, deliver, args=(msg,)).start()
    #^^^^^^^^^^^^^^ background-work/python-thread
    _thread.start_new_thread(deliver, (msg,))
    #^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-thread


def fire_and_forget(jobs):
    executor = ThreadPoolExecutor()
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-thread
    for job in jobs:
        executor.submit(job)
    ThreadPoolExecutor(2).submit(jobs[0])
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-thread


def parallel_fetch(urls):
    with ThreadPoolExecutor(max_workers=8) as ex:
        # ok: the with block waits for all futures before the response
        return list(ex.map(fetch, urls))


def forum(title):
    return Thread(title=title)
    # ok: the app's own Thread model, not threading.Thread


def send_mail(message):
    t = EmailThread(message)
    #   ^^^^^^^^^^^ background-work/python-thread
    t.start()
    RetryingEmailThread(message).start()
    #^^^^^^^^^^^^^^^^^^ background-work/python-thread


def reply(post):
    ReplyWorker(post).save()
    # ok: the app's model, not a subclass of threading.Thread


def notify_later(msg, process_manager):
    gevent.spawn(deliver, msg)
    #^^^^^^^^^^^ background-work/python-thread
    spawn_later(5, deliver, msg)
    #^^^^^^^^^^ background-work/python-thread
    process_manager.spawn(msg)
    # ok: the app's object, not gevent
