"""User profile documents live in MongoDB."""
from pymongo import MongoClient

import settings

_client = MongoClient(settings.MONGO_URL, serverSelectionTimeoutMS=2000)
_profiles = _client[settings.MONGO_DB]['profiles']


def load_profile(user_id):
    return _profiles.find_one({'user_id': user_id}, {'_id': 0})
