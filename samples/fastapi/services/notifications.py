"""Outbound notifications (webhooks and the mailer service)."""
import logging

import httpx
import requests

import settings

log = logging.getLogger(__name__)

_http = requests.Session()
_mailer = httpx.AsyncClient(timeout=10.0)


def notify_watchers(item_id, name):
    resp = _http.post(settings.WATCHERS_WEBHOOK_URL, json={'item_id': item_id, 'name': name}, timeout=5)
    if resp.status_code >= 400:
        log.warning('watcher webhook failed for item %s: %s', item_id, resp.status_code)


async def send_welcome_email(email, name):
    payload = {'to': email, 'template': 'welcome', 'vars': {'name': name}}
    resp = await _mailer.post(settings.MAILER_URL, json=payload)
    resp.raise_for_status()
