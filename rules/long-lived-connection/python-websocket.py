from channels.generic.websocket import AsyncWebsocketConsumer
from fastapi import APIRouter, FastAPI, WebSocket
from flask import Flask
from flask_socketio import SocketIO, emit

app = Flask(__name__)
socketio = SocketIO(app, cors_allowed_origins='*')
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/python-websocket
api = FastAPI()
router = APIRouter()


@socketio.on('message')
#^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/python-websocket
def handle_message(data):
    emit('message', data)


@socketio.event
#^^^^^^^^^^^^^^ long-lived-connection/python-websocket
def connect():
    pass


@api.websocket('/ws')
#^^^^^^^^^^^^^^^^^^^^ long-lived-connection/python-websocket
async def websocket_endpoint(websocket: WebSocket):
#                            ^^^^^^^^^^^^^^^^^^^^ long-lived-connection/python-websocket
    await websocket.accept()
    await websocket.send_text('hi')


async def added_later(ws: WebSocket):
#                     ^^^^^^^^^^^^^ long-lived-connection/python-websocket
    await ws.accept()


class ChatConsumer(AsyncWebsocketConsumer):
#^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/python-websocket
    async def receive(self, text_data=None):
        await self.send(text_data=text_data)


@router.get('/items')
# ok: a plain HTTP route
def items():
    return []


@app.route('/on')
# ok: a route whose path mentions "on"
def on():
    return 'on'


def notify(bus):
    bus.on('event', print)
    # ok: an event emitter, not a decorator on a socket server
