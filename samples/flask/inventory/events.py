"""Keeps track of recently created items for the dashboard ticker."""
RECENT_ITEMS = []
MAX_RECENT = 50


def remember_created(item):
    RECENT_ITEMS.append({'id': item.id, 'sku': item.sku, 'name': item.name})
    if len(RECENT_ITEMS) > MAX_RECENT:
        del RECENT_ITEMS[0]
