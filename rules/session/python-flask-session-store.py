import os

from flask import Flask
from flask_session import Session


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", "dev")
    SESSION_TYPE = 'filesystem'
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-flask-session-store
    SESSION_FILE_DIR = '/var/lib/app/sessions'
    # ok: the directory alone is not the finding, SESSION_TYPE is


class RedisConfig:
    SESSION_TYPE = 'redis'
    # ok: a shared store


class MongoConfig:
    SESSION_TYPE = "mongodb"
    # ok: a shared store


class DbConfig:
    SESSION_TYPE = "sqlalchemy"
    # ok: a shared store


class NullConfig:
    SESSION_TYPE = 'null'
    # ok: not a store (Flask-Session 0.7+ refuses it at startup)


app = Flask(__name__)
app.config['SESSION_TYPE'] = "cachelib"
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-flask-session-store
app.config["SESSION_TYPE"] = "redis"
# ok: a shared store
app.config['SESSION_FILE_DIR'] = 'filesystem'
# ok: another key
app.config.update(SESSION_TYPE='filesystem', SESSION_PERMANENT=False)
#                 ^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-flask-session-store
app.config.update(SESSION_TYPE='redis')
# ok: a shared store
app.config.update({'SESSION_TYPE': 'filesystem'})
#                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-flask-session-store
app.config.setdefault('SESSION_TYPE', 'filesystem')
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-flask-session-store
app.config['SESSION_TYPE'] = os.environ.get('SESSION_TYPE', 'filesystem')
# ok: only a default; production usually sets the variable
app.config['CACHE_TYPE'] = 'filesystem'
# ok: Flask-Caching, not the session
Session(app)
# ok: the configuration above is the finding; Session(app) alone is not


def create_app():
    app = Flask(__name__)
    app.config.from_mapping(SESSION_TYPE='cachelib', SECRET_KEY=os.getenv('KEY'))
    #                       ^^^^^^^^^^^^^^^^^^^^^^^ session/python-flask-session-store
    Session(app)
    return app


SESSION_TYPE = 'filesystem'
#^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-flask-session-store
