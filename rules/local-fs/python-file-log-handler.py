import logging
from logging.handlers import RotatingFileHandler

logging.basicConfig(
    level=logging.INFO,
    handlers=[logging.FileHandler("app.log"), logging.StreamHandler()],
    #         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-log-handler
)
logging.basicConfig(filename='debug.log')
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-log-handler

audit = RotatingFileHandler('logs/audit.log', maxBytes=10240)
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-log-handler
console = logging.StreamHandler()
# ok: stderr is what a function platform collects


def create_app(app):
    handler = logging.FileHandler('/var/log/app.log')
    #         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-log-handler
    app.logger.addHandler(handler)
    if app.config['LOG_TO_STDOUT']:
        app.logger.addHandler(logging.StreamHandler())
    else:
        file_handler = RotatingFileHandler('logs/app.log', maxBytes=10240)
        # ok: the deployment chooses (a setting switches to stdout)
        app.logger.addHandler(file_handler)
