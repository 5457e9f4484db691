"""Entry point used by gunicorn (eventlet worker) and for local runs."""
import os

from inventory import app, socketio

if __name__ == '__main__':
    socketio.run(app, host='0.0.0.0', port=int(os.environ.get('PORT', 5000)))
