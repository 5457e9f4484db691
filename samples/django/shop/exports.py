"""CSV exports picked up by the accounting team from MEDIA_ROOT."""
import csv
import os

from django.conf import settings


def write_orders_csv(orders, filename):
    path = os.path.join(settings.MEDIA_ROOT, 'exports', filename)
    with open(path, 'w', newline='', encoding='utf-8') as fh:
        writer = csv.writer(fh)
        writer.writerow(['id', 'email', 'country', 'status', 'total', 'created_at'])
        for order in orders:
            writer.writerow([order.pk, order.customer_email, order.country, order.status, order.total, order.created_at.isoformat()])
    return path
