import os

from flask import Flask
from flask_caching import Cache


class Config:
    CACHE_TYPE = 'SimpleCache'
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-cache-backend
    CACHE_DEFAULT_TIMEOUT = 300
    # ok: a setting, not the backend


class ProdConfig:
    CACHE_TYPE = 'RedisCache'
    # ok: a shared server


class TestConfig:
    CACHE_TYPE = 'NullCache'
    # ok: caches nothing


app = Flask(__name__)
app.config['CACHE_TYPE'] = 'filesystem'
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-cache-backend
app.config['CACHE_TYPE'] = 'redis'
# ok: a shared server
app.config.update(CACHE_TYPE='flask_caching.backends.SimpleCache')
#                 ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-cache-backend
cache = Cache(config={'CACHE_TYPE': 'simple'})
#                     ^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-cache-backend
other = Cache(config={'CACHE_TYPE': 'MemcachedCache'})
# ok: a shared server
app.config['SESSION_TYPE'] = 'filesystem'
# ok: Flask-Session, not the cache

CACHES = {
    'default': {
        'BACKEND': 'django.core.cache.backends.locmem.LocMemCache',
        #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-cache-backend
        'LOCATION': 'unique-snowflake',
    },
    'files': {
        'BACKEND': 'django.core.cache.backends.filebased.FileBasedCache',
        #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ in-memory-cache/python-cache-backend
        'LOCATION': '/var/tmp/django_cache',
    },
    'shared': {
        'BACKEND': 'django.core.cache.backends.redis.RedisCache',
        # ok: a shared server
        'LOCATION': os.environ.get('REDIS_URL'),
    },
    'dummy': {
        'BACKEND': 'django.core.cache.backends.dummy.DummyCache',
        # ok: caches nothing
    },
}

TEMPLATES = [{'BACKEND': 'django.template.backends.django.DjangoTemplates'}]
# ok: templates, not a cache
