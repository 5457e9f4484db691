"""Churn score of a customer: a scikit-learn model trained offline, loaded once per process."""
import joblib
import numpy as np

import settings

# 180 MB pickled gradient-boosting model: loaded at import, before the first request.
model = joblib.load(settings.CHURN_MODEL_PATH)

FEATURES = ('tenure_months', 'orders_90d', 'tickets_90d', 'avg_basket')


def score(customer: dict) -> float:
    row = np.array([[float(customer.get(name, 0)) for name in FEATURES]])
    return float(model.predict_proba(row)[0][1])
