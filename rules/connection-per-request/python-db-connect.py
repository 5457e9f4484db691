import sqlite3
import dataset
import psycopg2
import redis
from pymongo import MongoClient
from sqlalchemy import create_engine

# ok: created once at import time, reused by every request (the remedy)
engine = create_engine("postgresql://app@db/app")
cache = redis.Redis(host="cache")
client = MongoClient("mongodb://db")


def load_user(user_id):
    conn = psycopg2.connect("dbname=app")
    #      ^^^^^^^^^^^^^^^^ connection-per-request/python-db-connect
    return conn.cursor().execute("select 1")


def recent_orders():
    db = sqlite3.connect("orders.db")
    #    ^^^^^^^^^^^^^^^ connection-per-request/python-db-connect
    mongo = MongoClient("mongodb://db")
    #       ^^^^^^^^^^^ connection-per-request/python-db-connect
    return db, mongo


def export_tables(url):
    side_db = dataset.connect(url)
    #         ^^^^^^^^^^^^^^^ connection-per-request/python-db-connect
    return side_db.tables


def count_hits():
    # ok: uses the module-level client
    return cache.incr("hits")


def connect(dsn):
    # ok: the app's own function named connect
    return dsn
