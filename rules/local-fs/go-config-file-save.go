package admin

import (
	"net/http"

	"github.com/spf13/viper"
	"gopkg.in/ini.v1"
)

type Config struct{ SiteName string }

var current = &Config{}

func UpdateSettings(w http.ResponseWriter, r *http.Request) {
	current.SiteName = r.FormValue("site_name")
	cfg := ini.Empty()
	_ = ini.ReflectFrom(cfg, current)
	cfg.SaveTo("config.ini")
//^^^^^^^^^^ local-fs/go-config-file-save
	cfg.SaveToIndent("config.ini", "  ")
//^^^^^^^^^^^^^^^^ local-fs/go-config-file-save
	viper.Set("site_name", current.SiteName)
	viper.WriteConfig()
//^^^^^^^^^^^^^^^^^ local-fs/go-config-file-save
	viper.SafeWriteConfigAs("/etc/app/config.yaml")
//^^^^^^^^^^^^^^^^^^^^^^^ local-fs/go-config-file-save
}

func Settings(w http.ResponseWriter, r *http.Request) {
	// ok: loading the configuration
	cfg, _ := ini.Load("config.ini")
	_ = viper.ReadInConfig()
	// ok: saving a different kind of object under the same package
	w.Write([]byte(cfg.Section("app").Key("site_name").String()))
}
