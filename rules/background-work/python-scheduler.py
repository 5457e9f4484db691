import schedule
from apscheduler.schedulers.background import BackgroundScheduler
from flask_apscheduler import APScheduler

from .tasks import send_invoice

scheduler = BackgroundScheduler(timezone='UTC')
# ok: creating the scheduler runs nothing yet
scheduler.start()
#^^^^^^^^^^^^^^^^ background-work/python-scheduler
app_scheduler = APScheduler()


def _send_review_request(order_id):
    pass


def schedule_review_request(order_id):
    scheduler.add_job(_send_review_request, 'date', args=[order_id])
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-scheduler


@scheduler.scheduled_job('interval', minutes=5)
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-scheduler
def sweep():
    pass


@app_scheduler.task('cron', id='nightly', hour=2)
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ background-work/python-scheduler
def nightly():
    pass


def init_app(app):
    app_scheduler.init_app(app)
    app_scheduler.start()
    #^^^^^^^^^^^^^^^^^^^^ background-work/python-scheduler
    schedule.every(10).minutes.do(sweep)
    #^^^^^^^^^^^^^^^^^^ background-work/python-scheduler


def post_offer(board, offer):
    board.add_job(offer)
    # ok: a job board, not a scheduler


def queue_based(order_id, worker, thread):
    send_invoice.delay(order_id)
    # ok: a Celery task: broker + worker, the remedy
    send_invoice.apply_async(args=[order_id], countdown=60)
    # ok: a Celery task
    worker.start()
    # ok: not a scheduler
    thread.start()
    # ok: not a scheduler (background-work/python-thread looks at threads)
