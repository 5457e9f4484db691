import logging
import time
import uuid

from django.conf import settings

logger = logging.getLogger('shop.requests')


class RequestTimingMiddleware:
    """Tags every response with a request id and logs slow requests."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.slow_ms = getattr(settings, 'SLOW_REQUEST_MS', 500)

    def __call__(self, request):
        request.request_id = request.headers.get('X-Request-ID') or uuid.uuid4().hex
        started = time.monotonic()
        response = self.get_response(request)
        elapsed_ms = (time.monotonic() - started) * 1000
        response['X-Request-ID'] = request.request_id
        if elapsed_ms > self.slow_ms:
            logger.warning('slow request %s %s took %.0f ms', request.method, request.path, elapsed_ms)
        return response
