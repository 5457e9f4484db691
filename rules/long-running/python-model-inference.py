from starlette.concurrency import run_in_threadpool

model = object()
clf = object()


async def predict(image_bytes):
    return await run_in_threadpool(model.predict, image_bytes)
    #                              ^^^^^^^^^^^^^ long-running/python-model-inference


def score(rows):
    return clf.predict(rows)
    #      ^^^^^^^^^^^ long-running/python-model-inference


def probabilities(rows):
    return clf.predict_proba(rows)
    # ok: a tabular estimator's class probabilities


def detect(self, frame):
    return self.detector.detect(frame)
    #      ^^^^^^^^^^^^^^^^^^^^ long-running/python-model-inference


def token(jwt, payload):
    return jwt.encode(payload, "secret")
    # ok: not a model


def report(stats):
    return stats.predict_total
    # ok: not an inference call


prediction = model.predict([1, 2, 3])
# ok: module level (import time), not a request
