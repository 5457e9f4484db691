import json
import os
import numpy, pandas as pd
#      ^^^^^ heavy-startup/python-heavy-import
#             ^^^^^^^^^^^^ heavy-startup/python-heavy-import
import matplotlib.pyplot as plt
#      ^^^^^^^^^^^^^^^^^^^^^^^^ heavy-startup/python-heavy-import
from sklearn.linear_model import LinearRegression
#    ^^^^^^^^^^^^^^^^^^^^ heavy-startup/python-heavy-import
from typing import TYPE_CHECKING

from . import numpy_helpers
# ok: the app's own module, relative
from pandas_helpers import frame
# ok: another package whose name starts with pandas

try:
    import torch
    #      ^^^^^ heavy-startup/python-heavy-import
except ImportError:
    torch = None

if TYPE_CHECKING:
    import polars
    # ok: type checking only, never imported at run time


def import_csv(stream):
    import pyarrow
    # ok: lazy, inside the function
    from scipy import stats
    # ok: lazy
    return pyarrow, stats


class Model:
    def fit(self):
        import xgboost
        # ok: lazy
        return xgboost
