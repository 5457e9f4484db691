import flask
import requests
from flask import g, request, session
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import Session, sessionmaker

db = SQLAlchemy()
SessionLocal = sessionmaker()
http = requests.Session()


def current_user():
    user_id = session.get('user_id')
    #         ^^^^^^^^^^^^^^^^^^^^^^ session/python-server-session-used
    if 'user_id' not in session:
    #  ^^^^^^^^^^^^^^^^^^^^^^^^ session/python-server-session-used
        return None
    return db.session.get(User, user_id)
    # ok: Flask-SQLAlchemy's ORM session


def login(user):
    session['user_id'] = user.id
    #^^^^^^^^^^^^^^^^^^ session/python-server-session-used
    session.permanent = True
    #^^^^^^^^^^^^^^^^^^^^^^^ session/python-server-session-used
    db.session.add(user)
    # ok: ORM
    db.session.commit()
    # ok: ORM
    g.user = user
    # ok: flask.g is per request


def logout():
    session.clear()
    #^^^^^^^^^^^^^^ session/python-server-session-used
    flask.session.pop('cart', None)
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-server-session-used
    del session[CART_KEY]
    #   ^^^^^^^^^^^^^^^^^ session/python-server-session-used


def orm_work():
    with Session(engine) as sess:
        sess.add(Item())
        # ok: a SQLAlchemy Session
    local = SessionLocal()
    local.get(Item, 1)
    # ok: a SQLAlchemy session from the factory
    s = requests.Session()
    s.get('https://example.com')
    # ok: an HTTP client session
    return http.get('https://example.com')
    # ok: module-level requests.Session


def same_file_other_sessions(db_session, url):
    with Session(engine) as session:
        session.get(Item, 1)
        # ok: SQLAlchemy's get(Model, id)
    with requests.Session() as session:
        session.get('https://example.com/api')
        # ok: an HTTP call
        session.get(url)
        # ok: an HTTP call


session_count = 0
# ok: not the flask session proxy, and module level
