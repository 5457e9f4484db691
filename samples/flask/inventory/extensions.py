"""Extension singletons, initialised against the app in inventory/__init__.py."""
import requests
from flask_caching import Cache
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
cache = Cache()

# One pooled HTTP client for the whole process (keep-alive to upstream APIs).
http = requests.Session()
http.headers.update({'User-Agent': 'inventory-service/1.4'})
