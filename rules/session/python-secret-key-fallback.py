import os
import secrets
import uuid

from flask import Flask


def gen_secret_key():
    return os.urandom(64)


class ServerConfig:
    SECRET_KEY = os.environ.get("SECRET_KEY") or gen_secret_key()
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-secret-key-fallback


class Other:
    SECRET_KEY = os.getenv("SECRET_KEY") or secrets.token_hex(32)
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-secret-key-fallback
    SESSION_KEY = os.getenv("X") or uuid.uuid4().hex
    # ok: not the signing key


class Dev:
    SECRET_KEY = os.environ.get("SECRET_KEY") or "you-will-never-guess"
    # ok: a string: the same in every process


class Prod:
    SECRET_KEY = os.environ["SECRET_KEY"]
    # ok: read from the configuration alone


app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY") or uuid.uuid4().hex
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-secret-key-fallback
