from flask import Blueprint, current_app, g, jsonify, request

bp = Blueprint("admin", __name__)


class Visits:
    def __init__(self, app=None):
        self.counts = {}
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        # ok: the extension registers itself while the app is built
        app.extensions["visits"] = self
        # ok: a setting written through the app object at start-up
        app.config.setdefault("VISITS_LIMIT", 100)


@bp.post("/visit")
def visit():
    current_app.extensions["visit_counts"][request.remote_addr] = 1
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/python-app-state
    current_app.extensions["visit_counts"]["total"] += 1
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/python-app-state
    current_app.extensions["recent"].append(request.remote_addr)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/python-app-state
    # ok: reads, and a value of this request only
    limit = current_app.config["VISITS_LIMIT"]
    g.visitor = request.remote_addr
    return jsonify(limit=limit, visits=current_app.extensions["visits"].counts)


@bp.post("/maintenance")
def maintenance():
    current_app.config["MAINTENANCE"] = True
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/python-app-state
    del current_app.extensions["locks"][request.args["key"]]
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/python-app-state
    return jsonify(ok=True)


async def count(request):
    request.app.state.hits += 1
    #^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/python-app-state
    request.app.state.recent.append(request.client.host)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/python-app-state
    request.app.state.last_seen = request.client.host
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/python-app-state
    # ok: a value of this request only, and a read
    request.state.user = None
    return request.app.state.hits


async def classify(request):
    # ok: a holder created once per instance, then only read
    if not hasattr(request.app.state, "classifier"):
        request.app.state.classifier = object()
    return request.app.state.classifier


async def lifespan(app):
    # ok: the app's own state, set at start-up
    app.state.model = object()
    yield
