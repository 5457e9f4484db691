"""Inventory service: Flask application object, hooks and top-level routes."""
import logging
import uuid

from flask import Flask, g, jsonify
from flask_session import Session
from flask_socketio import SocketIO

from .auth import current_user
from .config import Config
from .extensions import cache, db
from .legacy import legacy_view
from .users import bp as users_bp
from .api import bp as api_bp
from .reports import bp as reports_bp

log = logging.getLogger(__name__)

app = Flask(__name__)
app.config.from_object(Config)

db.init_app(app)
cache.init_app(app)
Session(app)
socketio = SocketIO(app, cors_allowed_origins=Config.SOCKETIO_ORIGINS)

app.register_blueprint(users_bp)
app.register_blueprint(api_bp, url_prefix='/api')
app.register_blueprint(reports_bp)

app.add_url_rule('/legacy', view_func=legacy_view)
# Docs are served by nginx; this rule only exists so url_for('docs', page=...) works.
app.add_url_rule('/docs/<path:page>', endpoint='docs', build_only=True)


@app.before_request
def load_request_context():
    g.request_id = uuid.uuid4().hex
    g.user = current_user()


@app.get('/health')
def health():
    return jsonify(status='ok', request_id=g.request_id)


@app.errorhandler(404)
def not_found(error):
    return jsonify(error='not found'), 404


# Socket.IO event handlers need `socketio` to exist before they are imported.
from . import realtime  # noqa: E402,F401

# Operations endpoints (maintenance switch, hit counts).
from .ops import bp as ops_bp  # noqa: E402

app.register_blueprint(ops_bp)

# Catalog API (flask-restx), served under the blueprint's /catalog.
from .catalog import bp as catalog_bp  # noqa: E402

app.register_blueprint(catalog_bp)
