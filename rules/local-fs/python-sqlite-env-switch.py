import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-env-switch
        "NAME": os.getenv("DB_NAME", BASE_DIR / "hc.sqlite"),
    }
}

if os.getenv("DB") == "postgres":
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": os.getenv("DB_NAME", "hc"),
        }
    }


class Config:
    SQLALCHEMY_DATABASE_URI = "sqlite:///dev.db"
#   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-env-switch
    if "DATABASE_URL" in os.environ:
        SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]


class Keyed:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3"}}
    #                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-env-switch
    if env.bool("USE_PG", default=False):
        DATABASES["default"] = env.db()


class Hardcoded:
    SQLALCHEMY_DATABASE_URI = "sqlite:///app.db"
    # ok: nothing replaces it (a blocker of local-fs/python-sqlite-file-db)
    if DEBUG:
        SQLALCHEMY_DATABASE_URI = "sqlite:///debug.db"
        # ok: replaced under a test that is not the environment's


class Other:
    DATABASE_URL = "sqlite:///other.db"
    # ok: the environment test below assigns another name
    if os.getenv("CACHE_URL"):
        CACHE_URL = os.environ["CACHE_URL"]


class Fallback:
    DATABASE_URL = os.environ.get("DATABASE_URL")
    if not DATABASE_URL:
        DATABASE_URL = "sqlite:///fallback.db"
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-sqlite-env-switch
    if DATABASE_URL_RO:
        DATABASE_URL = "sqlite:///replica.db"
        # ok: the test names another setting, not the one assigned
