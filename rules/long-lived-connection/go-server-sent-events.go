package events

import (
	"fmt"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

func Events(w http.ResponseWriter, r *http.Request) {
	flusher := w.(http.Flusher)
	// ok: one flush sends the headers early
	flusher.Flush()
	for i := 0; i < 10; i++ {
//^^^^^^^^^^^^^^^^^^^^^^^^^^ long-lived-connection/go-server-sent-events
		fmt.Fprintf(w, "data: %d\n\n", i)
		flusher.Flush()
	}
}

func Ticks(c *gin.Context) {
	c.SSEvent("tick", 1)
//^^^^^^^^^ long-lived-connection/go-server-sent-events
	c.Stream(func(w io.Writer) bool { return false })
//^^^^^^^^ long-lived-connection/go-server-sent-events
	// ok: a function that returns a streaming handler is not the stream
	_ = events.Stream(nil)
	// ok: a loop that does not stream
	for i := 0; i < 3; i++ {
		c.Set("n", i)
	}
}

func ExportCSV(c echo.Context) error {
	hdr := c.Response().Header()
	hdr.Set(echo.HeaderContentDisposition, "attachment; filename=subscribers.csv")
	wr := csv.NewWriter(c.Response())
	// ok: a download written in batches ends with its rows
	for {
		rows, err := next()
		if err != nil || len(rows) == 0 {
			break
		}
		wr.WriteAll(rows)
		wr.Flush()
	}
	return nil
}

func Stream(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderContentType, "text/event-stream")
	for {
//^^^^^ long-lived-connection/go-server-sent-events
		select {
		case e := <-events:
			fmt.Fprintf(c.Response(), "data: %s\n\n", e)
			c.Response().Flush()
		case <-c.Request().Context().Done():
			return nil
		}
	}
}
