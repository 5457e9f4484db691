package chat

import (
	"net/http"

	"github.com/olahol/melody"
)

var m = melody.New()

func Socket(w http.ResponseWriter, r *http.Request) {
	m.HandleRequest(w, r)
//^^^^^^^^^^^^^^^ long-lived-connection/go-melody
}

func SocketWithKeys(w http.ResponseWriter, r *http.Request) {
	m.HandleRequestWithKeys(w, r, map[string]any{"user": 1})
//^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/go-melody
}

func Dispatch(d Dispatcher, req Request) {
	// ok: a dispatcher's HandleRequest of one argument is no socket
	d.HandleRequest(req)
	// ok: broadcasting is the socket's finding, not another
	m.Broadcast([]byte("hi"))
}
