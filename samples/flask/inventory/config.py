"""Application settings. Everything here is read once at startup."""
import os


class Config:
    SECRET_KEY = os.environ.get('SECRET_KEY', 'dev-only-not-secret')

    SQLALCHEMY_DATABASE_URI = os.environ.get(
        'DATABASE_URL', 'postgresql+psycopg2://inventory@localhost:5432/inventory'
    )
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SQLALCHEMY_ENGINE_OPTIONS = {'pool_size': 5, 'pool_pre_ping': True}

    # Server-side sessions (Flask-Session), stored on the local disk.
    SESSION_TYPE = 'filesystem'
    SESSION_FILE_DIR = '/var/lib/inventory/sessions'
    SESSION_PERMANENT = True
    PERMANENT_SESSION_LIFETIME = 7 * 24 * 3600

    # Flask-Caching, per-process in-memory store.
    CACHE_TYPE = 'SimpleCache'
    CACHE_DEFAULT_TIMEOUT = 300

    RATES_URL = os.environ.get('RATES_URL', 'https://rates.example.com/latest?base=EUR')
    SEARCH_URL = os.environ.get('SEARCH_URL', 'http://search.internal:9200')
    REPORT_BUCKET = os.environ.get('REPORT_BUCKET', 'inventory-reports')
    SOCKETIO_ORIGINS = ['https://inventory.example.com', 'http://localhost:3000']
