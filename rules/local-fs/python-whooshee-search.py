from flask import request

from app.models import User


def search():
    q = request.args.get('q', '')
    return User.query.whooshee_search(q).all()
    #      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-whooshee-search


def listing():
    # ok: a plain query
    return User.query.filter_by(active=True).all()


results = User.query.whooshee_search('admin').all()
# ok: module level, not a request
