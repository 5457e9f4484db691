import logging
from logging.handlers import RotatingFileHandler, TimedRotatingFileHandler

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

audit_log = logging.getLogger("audit")
audit_log.addHandler(logging.FileHandler("audit.log"))
#                    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-log-handler
trail = TimedRotatingFileHandler("logs/trail.log", when="midnight")
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ local-fs/python-file-log-handler
audit_log.addHandler(trail)
audit_log.addHandler(logging.StreamHandler())
# ok: stderr


def setup_audit():
    if audit_log.handlers:
        audit_log.addHandler(RotatingFileHandler("logs/audit.log"))
        # ok: a branch, as any handler the configuration chooses
