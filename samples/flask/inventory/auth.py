"""Authentication helpers shared by all blueprints."""
from functools import wraps

from flask import abort, g, session

from .extensions import db
from .models import User


def current_user():
    """Return the logged-in user or None. Only reads the session."""
    user_id = session.get('user_id')
    if user_id is None:
        return None
    return db.session.get(User, user_id)


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.get('user') is None:
            abort(401)
        return view(*args, **kwargs)

    return wrapped
