import os
import sqlite3

from flask import Flask
from sqlalchemy import create_engine


class Config:
    SQLALCHEMY_DATABASE_URI = 'sqlite:///inventory.db'
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-file-db


class PgConfig:
    SQLALCHEMY_DATABASE_URI = 'postgresql+psycopg2://app@db/app'
    # ok: a network database


class TestConfig:
    SQLALCHEMY_DATABASE_URI = 'sqlite://'
    # ok: in memory


class TestingConfig:
    SQLALCHEMY_DATABASE_URI = 'sqlite:///'  # in-memory database
    # ok: no file name: in memory


class EnvConfig:
    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL', 'sqlite:///dev.db')
    # ok: only a default; production usually sets DATABASE_URL


app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = "sqlite:////var/lib/app/app.db"
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-file-db
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite:///:memory:'
# ok: in memory
app.config.update(SQLALCHEMY_DATABASE_URI='sqlite:///data.sqlite3')
#                 ^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-file-db

DATABASE_URL = "sqlite+aiosqlite:///./app.db"
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-file-db
engine = create_engine('sqlite:///./catalog.db', connect_args={'check_same_thread': False})
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-file-db
test_engine = create_engine('sqlite://')
# ok: in memory
conn = sqlite3.connect('/var/lib/app/audit.db')
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-file-db
mem = sqlite3.connect(':memory:')
# ok: in memory
BACKUP_PATH = 'backup.sqlite3'
# ok: just a name

DATABASES = {
    'default': {
        'ENGINE': 'django.db.backends.sqlite3',
        #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-file-db
        'NAME': os.path.join(os.path.dirname(__file__), 'db.sqlite3'),
    },
    'warehouse': {
        'ENGINE': 'django.db.backends.postgresql',
        # ok: a network database
        'NAME': 'warehouse',
    },
}


class Overridden:
    SQLALCHEMY_DATABASE_URI = 'sqlite:///dev.db'
    # ok: only the default: the `if` below replaces it when DATABASE_URL is set
    if os.environ.get('DATABASE_URL'):
        SQLALCHEMY_DATABASE_URI = os.environ['DATABASE_URL']


class DjangoSettings:
    DATABASES = {'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': 'hc.sqlite'}}
    # ok: only the default: DB=postgres in the environment replaces it
    if os.getenv('DB') == 'postgres':
        DATABASES = {'default': {'ENGINE': 'django.db.backends.postgresql', 'NAME': 'hc'}}


class NotEnv:
    SQLALCHEMY_DATABASE_URI = 'sqlite:///main.db'
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-file-db
    if os.getenv('REPLICA'):
        REPLICA_URI = os.environ['REPLICA']


def helper():
    url = 'sqlite:///scratch.db'
    # ok: not a database setting (and inside a function)
    return url


class Fallback:
    DATABASE_URL = os.environ.get("DATABASE_URL")
    if not DATABASE_URL:
        DATABASE_URL = "sqlite:///fallback.db"
        # ok: a fallback for when DATABASE_URL is unset (local-fs/python-sqlite-env-switch)
