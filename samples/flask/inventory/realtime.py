"""Socket.IO chat used by warehouse staff."""
from flask_socketio import emit

from . import socketio
from .auth import current_user


@socketio.on('message')
def handle_message(data):
    user = current_user()
    room = data.get('room', 'warehouse')
    emit('message', {
        'from': user.display_name if user else 'anonymous',
        'text': str(data.get('text', ''))[:500],
    }, to=room)
