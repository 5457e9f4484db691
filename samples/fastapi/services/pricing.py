"""Price suggestions from recent price history."""
from decimal import Decimal

import numpy as np

MIN_MARGIN = Decimal('0.15')
MAX_STEP = 0.05


def suggest_price(history, current_price, cost):
    floor = (Decimal(cost) * (1 + MIN_MARGIN)).quantize(Decimal('0.01'))
    if len(history) < 3:
        return max(Decimal(current_price), floor)
    prices = np.asarray([float(p) for p in history], dtype=float)
    slope = np.polyfit(np.arange(len(prices)), prices, 1)[0]
    step = float(np.clip(slope / prices.mean(), -MAX_STEP, MAX_STEP))
    suggested = Decimal(str(round(float(current_price) * (1 + step), 2)))
    return max(suggested, floor)
