"""Pushes item documents to the search service."""
import logging

from .config import Config
from .extensions import http

log = logging.getLogger(__name__)


def rebuild_for(item_id):
    resp = http.post(f'{Config.SEARCH_URL}/items/_reindex/{item_id}', timeout=30)
    if resp.status_code >= 400:
        log.warning('reindex of item %s failed: %s', item_id, resp.text[:200])
