"""Fixed-window rate limiting backed by Redis."""
import redis

import settings

WINDOW_SECONDS = 3600
MAX_ATTEMPTS = 5


def is_rate_limited(ip, bucket):
    client = redis.Redis(host=settings.REDIS_HOST, port=settings.REDIS_PORT, db=1)
    key = f'rl:{bucket}:{ip}'
    count = client.incr(key)
    if count == 1:
        client.expire(key, WINDOW_SECONDS)
    return count > MAX_ATTEMPTS
