"""Currency conversion against the upstream rates API."""
import functools

from .config import Config
from .extensions import http


@functools.lru_cache(maxsize=1)
def get_exchange_rates():
    resp = http.get(Config.RATES_URL, timeout=5)
    resp.raise_for_status()
    return resp.json()['rates']


def convert(amount_cents, from_currency, to_currency):
    if from_currency == to_currency:
        return amount_cents
    rates = get_exchange_rates()
    if from_currency not in rates or to_currency not in rates:
        raise ValueError(f'unsupported currency pair {from_currency}->{to_currency}')
    in_base = amount_cents / rates[from_currency]
    return round(in_base * rates[to_currency])
