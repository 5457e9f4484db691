"""Thin client for the payment provider's REST API."""
import requests
from django.conf import settings

_session = requests.Session()
_session.headers.update({'Authorization': f'Bearer {settings.PAYMENT_API_KEY}'})


class PaymentDeclined(Exception):
    pass


def charge(order, token):
    resp = _session.post(
        f'{settings.PAYMENT_API_URL}/charges',
        json={'amount': str(order.total), 'currency': 'EUR', 'source': token, 'reference': f'order-{order.pk}'},
        timeout=10,
    )
    if resp.status_code == 402:
        raise PaymentDeclined(resp.json().get('message', 'declined'))
    resp.raise_for_status()
    return resp.json()['id']
