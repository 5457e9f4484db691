// Package metrics serves counters on the operations port.
package metrics

import (
	"fmt"
	"net/http"
)

// Show writes one counter.
func Show(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintf(w, "%s 0\n", r.PathValue("name"))
}
