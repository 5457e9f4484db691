"""Static reference data shipped with the service (read-only)."""
import json
import os

BASE_DIR = os.path.dirname(os.path.abspath(__file__))


def load_countries():
    with open(os.path.join(BASE_DIR, 'data/countries.json'), encoding='utf-8') as fh:
        return json.load(fh)


# Built once at import time and only ever read afterwards.
CURRENCY_SYMBOLS = {c['currency']: c['symbol'] for c in load_countries()}
