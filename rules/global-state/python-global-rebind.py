import threading

legacy_hits = 0
last_seen = None
_client = None
counter = 0
total = 0
LIMIT = 10


def legacy_view():
    global legacy_hits
    legacy_hits += 1
    #^^^^^^^^^^^^^^^ global-state/python-global-rebind
    return {'hits': legacy_hits}
    # ok: a read


def remember(user):
    global last_seen, _client
    if user is not None:
        last_seen = user.id
        #^^^^^^^^^^^^^^^^^^ global-state/python-global-rebind
    else:
        last_seen = None
        #^^^^^^^^^^^^^^^ global-state/python-global-rebind
    for attempt in range(3):
        try:
            _client = make_client()
            #^^^^^^^^^^^^^^^^^^^^^^ global-state/python-global-rebind
        except OSError:
            continue


def tally(n):
    global counter, total
    counter, total = counter + 1, total + n
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ global-state/python-global-rebind


def read_only():
    global LIMIT
    return LIMIT * 2
    # ok: declared global but only read


def no_global():
    legacy_hits = 5
    # ok: a local that shadows the module-level name (no `global`)
    return legacy_hits


def outer():
    global last_seen

    def inner():
        last_seen = 'x'
        # ok: a local of the nested function, `global` does not apply here
        return last_seen

    return inner


def undeclared():
    global not_defined_at_module_level
    not_defined_at_module_level = 1
    # ok: no module-level variable of that name to share (created by the function)


_s3 = None


def get_s3():
    global _s3
    if _s3 is None:
        _s3 = make_client()
        # ok: lazy initialisation of a per-instance client (the remedy)
    return _s3


def get_cache():
    global _client
    if not _client:
        _client = make_client()
        # ok: lazy initialisation
    return _client


def nested(items):
    global legacy_hits
    for item in items:
        if item.new:
            legacy_hits += 1
            #^^^^^^^^^^^^^^^ global-state/python-global-rebind


_token = None
_token_expires = 0


def get_token():
    global _token, _token_expires
    if _token is not None and time.time() < _token_expires:
        return _token
    _token = fetch_token()
    # ok: a memoised value (the same token for every request), refreshed when it expires
    _token_expires = time.time() + 3600
    # ok: the expiry of that memo
    return _token


def throttle():
    global legacy_hits
    if legacy_hits > 100:
        return None
    legacy_hits += 1
    #^^^^^^^^^^^^^^^ global-state/python-global-rebind
    return legacy_hits
