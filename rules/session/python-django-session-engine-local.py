SESSION_ENGINE = 'django.contrib.sessions.backends.file'
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-django-session-engine-local


class Shared:
    SESSION_ENGINE = 'django.contrib.sessions.backends.db'
    # ok: the database every instance shares
    OTHER = 'django.contrib.sessions.backends.file'
    # ok: not the SESSION_ENGINE setting
