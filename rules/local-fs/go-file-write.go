package media

import (
	"io/ioutil"
	"os"
	"path"

	"github.com/gin-gonic/gin"
)

func Upload(c *gin.Context) {
	file, _ := c.FormFile("avatar")
	c.SaveUploadedFile(file, "uploads/"+file.Filename)
//^^^^^^^^^^^^^^^^^^^^ local-fs/go-file-write
	f, _ := os.Create("exports/report.csv")
//        ^^^^^^^^^ local-fs/go-file-write
	defer f.Close()
	os.WriteFile("last.json", []byte("{}"), 0o644)
//^^^^^^^^^^^^ local-fs/go-file-write
	ioutil.WriteFile("old.txt", nil, 0o644)
//^^^^^^^^^^^^^^^^ local-fs/go-file-write
	log, _ := os.OpenFile("app.log", os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
//          ^^^^^^^^^^^ local-fs/go-file-write
	_ = log
	os.Rename("repos/"+c.Param("old"), "repos/"+c.Param("new"))
//^^^^^^^^^ local-fs/go-file-write
	// ok: a scratch file moved within the temp folder
	os.Rename("a", path.Join(os.TempDir(), "upload"))
	// ok: reading
	data, _ := os.ReadFile("config.json")
	// ok: read-only
	r, _ := os.OpenFile("config.json", os.O_RDONLY, 0)
	// ok: a scratch file for this request
	tmp, _ := os.CreateTemp("", "thumb-*.png")
	_, _, _ = data, r, tmp
	// ok: a file in the temp folder, through a variable
	dir := os.TempDir()
	os.WriteFile(path.Join(dir, "scratch.json"), nil, 0o644)
}

// ok: the caller hands over a temp folder
func WriteMigrations(temp string, b []byte) error {
	return os.WriteFile(path.Join(temp, "001.sql"), b, 0o644)
}

// A folder named for what it keeps is no scratch space.
func SaveExport(exportDir string, b []byte) error {
	return os.WriteFile(path.Join(exportDir, "items.csv"), b, 0o644)
//       ^^^^^^^^^^^^ local-fs/go-file-write
}

// ok: a configurable log destination whose default is a standard stream
func openLog(logFile string) io.Writer {
	var out io.Writer
	switch logFile {
	case "stdout":
		out = os.Stdout
	case "stderr":
		out = os.Stderr
	default:
		out, _ = os.OpenFile(logFile, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0600)
	}
	return out
}

// Printing an error to the console is no stream the file replaces.
func SaveReport(name string, b []byte) {
	if err := os.WriteFile(name, b, 0o644); err != nil {
//          ^^^^^^^^^^^^ local-fs/go-file-write
		fmt.Fprintln(os.Stderr, err)
	}
}

// ok: a pid file, the process's own id for its supervisor
func writePid(path string) error {
	pid := fmt.Sprintf("%d\n", os.Getpid())
	return os.WriteFile(path, []byte(pid), 0644)
}
