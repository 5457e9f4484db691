from queue import Queue


class EventManager:
    def __init__(self):
        self.clients = {}
        # ok: the constructor's set-up

    def subscribe(self):
        q = Queue()
        self.clients[id(q)] = q
        #^^^^^^^^^^^^^^^^^^^^^^ global-state/python-app-attribute-state
        try:
            yield q.get()
        finally:
            del self.clients[id(q)]
            #^^^^^^^^^^^^^^^^^^^^^^ global-state/python-app-attribute-state

    def publish(self, message):
        for client in list(self.clients.values()):
            client.put(message)
            # ok: reads the registry; the queue is the subscriber's
        self.sent += 1
        #^^^^^^^^^^^^^^ global-state/python-app-attribute-state


class Cart:
    def __init__(self):
        self.items = []

    def add(self, item):
        self.items.append(item)
        # ok: a class the app builds per request, not kept on the app


def init_events(app):
    app.events_manager = EventManager()
    app.events_manager.listen()
