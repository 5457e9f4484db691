"""Operations endpoints: a maintenance switch and per-address hit counts, both kept on
the application object (`current_app.config`, `current_app.extensions`)."""
from flask import Blueprint, current_app, jsonify, request

from .oplog import oplog

bp = Blueprint('ops', __name__, url_prefix='/ops')


class HitCounter:
    """A tiny extension: registers its counts on the app, Flask-style."""

    def init_app(self, app):
        app.extensions['ops_hits'] = {}
        app.config.setdefault('MAINTENANCE', False)


hit_counter = HitCounter()
bp.record_once(lambda state: hit_counter.init_app(state.app))


@bp.post('/maintenance')
def maintenance():
    current_app.config['MAINTENANCE'] = bool(request.get_json(silent=True))
    oplog.info('maintenance=%s by %s', current_app.config['MAINTENANCE'], request.remote_addr)
    return jsonify(maintenance=current_app.config['MAINTENANCE'])


@bp.get('/hits')
def hits():
    current_app.extensions['ops_hits'][request.remote_addr] = current_app.extensions['ops_hits'].get(request.remote_addr, 0) + 1
    return jsonify(current_app.extensions['ops_hits'])


@bp.get('/status')
def status():
    return jsonify(maintenance=current_app.config['MAINTENANCE'], extensions=sorted(current_app.extensions))
