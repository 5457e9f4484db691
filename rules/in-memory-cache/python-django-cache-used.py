from django.core.cache import cache, caches
from django.http import JsonResponse
from django.views.decorators.cache import cache_control, cache_page

from .models import Order


def daily_report(request):
    key = 'daily-report'
    report = cache.get(key)
    #        ^^^^^^^^^^^^^^ in-memory-cache/python-django-cache-used
    if report is None:
        report = {'orders': Order.objects.count()}
        # ok: the ORM
        cache.set(key, report, timeout=300)
        #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-django-cache-used
    caches['sessions'].delete(key)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-django-cache-used
    return JsonResponse(report)


@cache_page(60 * 15)
#^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-django-cache-used
def product_list(request):
    return JsonResponse({})


@cache_control(max_age=3600)
# ok: only sets Cache-Control headers
def static_page(request):
    return JsonResponse({})

