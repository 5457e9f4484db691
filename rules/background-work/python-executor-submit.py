from concurrent.futures import ThreadPoolExecutor
from multiprocessing.pool import ThreadPool

executor = ThreadPoolExecutor(max_workers=4)
pool = ThreadPool(2)
jobs = []


def signup(user):
    executor.submit(send_welcome_email, user.email)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-executor-submit
    pool.apply_async(audit, (user.id,))
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-executor-submit


def convert(files):
    future = executor.submit(render, files[0])
    # ok: the future is kept (and awaited below)
    results = list(executor.map(render, files))
    # ok: map results are consumed
    jobs.append(1)
    # ok: not a pool (global-state/python-module-mutation reports it)
    return future.result(), results


def local(files):
    ex = ThreadPoolExecutor()
    ex.submit(render, files)
    # ok: a local pool (background-work/python-thread reports its creation)
