import functools
import functools as ft
from functools import cache, lru_cache, wraps

from cachetools import TTLCache, cached
from cachetools.func import ttl_cache
from flask_caching import Cache

page_cache = Cache()


@functools.lru_cache(maxsize=1)
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-lru-cache
def get_exchange_rates():
    return {'EUR': 1.0}


@lru_cache
#^^^^^^^^^ in-memory-cache/python-lru-cache
def settings_for(tenant):
    return tenant


@lru_cache(maxsize=None)
#^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-lru-cache
def country(code):
    return code


# ok: the settings, read once from the environment, the same on every instance
@lru_cache
def get_settings():
    return Settings()


# ok: same, with a call
@functools.lru_cache()
def app_config():
    return Settings()


@cache
#^^^^^ in-memory-cache/python-lru-cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@functools.cache
#^^^^^^^^^^^^^^^ in-memory-cache/python-lru-cache
def load_schema():
    return {}


@ft.lru_cache()
#^^^^^^^^^^^^^^ in-memory-cache/python-lru-cache
def aliased():
    return 1


@cached(cache=TTLCache(maxsize=100, ttl=60))
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-lru-cache
def lookup(key):
    return key


@ttl_cache(ttl=30)
#^^^^^^^^^^^^^^^^^ in-memory-cache/python-lru-cache
def prices():
    return []


@page_cache.cached(timeout=60)
# ok: a Flask-Caching object's decorator, not functools
def stats():
    return {}


@wraps(stats)
# ok: functools, but not a cache
def wrapper():
    return stats()


class Report:
    @functools.cached_property
    # ok: cached on the instance, not in the process
    def total(self):
        return 1


class Rates:
    @lru_cache(maxsize=8)
    #^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-lru-cache
    def for_day(self, day):
        return day


def view():
    @lru_cache(maxsize=8)
    # ok: a nested function, re-created with an empty cache on every call
    def helper(x):
        return x
    return helper(1)
