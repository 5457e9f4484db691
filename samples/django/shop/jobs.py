"""In-process scheduler for follow-up e-mails."""
import logging
from datetime import timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from django.utils import timezone

log = logging.getLogger(__name__)

scheduler = BackgroundScheduler(timezone='UTC')
scheduler.start()


def _send_review_request(order_id):
    log.info('sending review request for order %s', order_id)


def schedule_review_request(order_id, delay_days=7):
    scheduler.add_job(
        _send_review_request,
        'date',
        run_date=timezone.now() + timedelta(days=delay_days),
        args=[order_id],
        id=f'review-{order_id}',
        replace_existing=True,
    )
