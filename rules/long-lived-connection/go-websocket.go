package chat

import (
	"net/http"

	"github.com/gorilla/websocket"
	"nhooyr.io/websocket"
)

var upgrader = websocket.Upgrader{}

func Chat(w http.ResponseWriter, r *http.Request) {
	conn, err := upgrader.Upgrade(w, r, nil)
//             ^^^^^^^^^^^^^^^^ long-lived-connection/go-websocket
	_, _ = conn, err
}

func Feed(w http.ResponseWriter, r *http.Request) {
	c, err := websocket.Accept(w, r, nil)
//          ^^^^^^^^^^^^^^^^ long-lived-connection/go-websocket
	_, _ = c, err
	// ok: an HTTP protocol upgrade check is no socket
	_ = r.Header.Get("Upgrade")
}
