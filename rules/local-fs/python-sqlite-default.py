import os

import dj_database_url
from decouple import config

basedir = os.path.abspath(os.path.dirname(__file__))


class Config:
    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL', 'sqlite:///app.db')
    #                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-default


class Flack:
    SQLALCHEMY_DATABASE_URI = os.environ.get(
    #                         ^^^^^^^^^^^^^^^ local-fs/python-sqlite-default
        'DATABASE_URL', 'sqlite:///' + os.path.join(basedir, 'db.sqlite'))


class Microblog:
    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL') or \
    #                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-default
        'sqlite:///' + os.path.join(basedir, 'app.db')


class Replaced:
    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL', '').replace(
    #                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-default
        'postgres://', 'postgresql://') or \
        'sqlite:///' + os.path.join(basedir, 'app.db')


DATABASES = {
    'default': dj_database_url.config(default='sqlite:///db.sqlite3'),
    #          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-default
    'other': dj_database_url.config(default='postgres://app@db/app'),
    # ok: the default is a network database
}
DB_URL = config('DB_URL', default='sqlite:///local.db')
#        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-default

TEST_URL = os.environ.get('DATABASE_URL', 'sqlite://')
# ok: in memory
MEMORY = os.getenv('TEST_DATABASE_URL', 'sqlite:///:memory:')
# ok: in memory
HOME = os.environ.get('HOME_DIR', 'sqlite:///not-a-db-setting')
# ok: not a database setting
PLAIN = 'sqlite:///hard-coded.db'
# ok: no override (local-fs/python-sqlite-file-db reports real settings)
