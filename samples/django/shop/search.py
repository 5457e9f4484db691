from django.db.models import Q

from .models import Product

RECENT_SEARCHES = []
MAX_RECENT_SEARCHES = 100


def search_products(query, limit=20):
    if not query:
        return []
    RECENT_SEARCHES.append(query)
    if len(RECENT_SEARCHES) > MAX_RECENT_SEARCHES:
        RECENT_SEARCHES.pop(0)
    matches = Product.objects.filter(Q(name__icontains=query) | Q(sku__iexact=query), is_active=True)
    return [p.as_dict() for p in matches[:limit]]
