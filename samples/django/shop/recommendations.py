"""'Customers also bought' lookups from the recommendations store."""
import pymongo
from django.conf import settings


def for_order(order, limit=4):
    client = pymongo.MongoClient(settings.RECO_MONGO_URL, serverSelectionTimeoutMS=1500)
    try:
        pairs = client[settings.RECO_MONGO_DB]['co_purchases']
        product_ids = [line.product_id for line in order.lines.all()]
        cursor = pairs.find({'product_id': {'$in': product_ids}}).sort('score', -1).limit(limit)
        return [doc['recommended_id'] for doc in cursor]
    finally:
        client.close()
