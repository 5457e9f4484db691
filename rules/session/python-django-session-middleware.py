MIDDLEWARE = [
    'django.middleware.security.SecurityMiddleware',
    # ok: not the session middleware
    'django.contrib.sessions.middleware.SessionMiddleware',
    #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ session/python-django-session-middleware
    'django.middleware.common.CommonMiddleware',
]

INSTALLED_APPS = [
    'django.contrib.sessions',
    # ok: the app alone keeps no session per request
]

DOCS = ['django.contrib.sessions.middleware.SessionMiddleware']
# ok: not the MIDDLEWARE setting
