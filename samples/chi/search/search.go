// Package search greps the note files.
package search

import (
	"net/http"
	"os/exec"
)

// Handle runs ripgrep over the exported notes.
func Handle(w http.ResponseWriter, r *http.Request) {
	out, err := exec.Command("rg", "--json", r.FormValue("q"), "exports/").Output()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Write(out)
}
