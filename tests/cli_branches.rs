//! Code run only for a command-line option or command (`--gen-keys`,
//! `keys generate`, `--init`) that returns before the server starts is a
//! tool's work: what it writes is not judged at start-up. The same `main`'s
//! serving path, a command that serves, and an option branch that goes on
//! to serve keep their findings.

mod common;

use common::{scan_path, temp_dir, write_file, GO_MOD_URFAVE_CLI};

/// The (file, line) of every finding in the report.
fn lines_of(report: &carve::report::Report) -> Vec<(String, u32)> {
    report
        .findings
        .iter()
        .map(|f| (f.at.file.clone(), f.at.line))
        .collect()
}

const GO_MAIN: &str = r#"package main

import (
	"net/http"
	"os"

	"github.com/urfave/cli/v2"
)

var cmdKeys = cli.Command{Name: "keys", Action: genKeysAction}

var cmdServe = cli.Command{Name: "serve", Action: serveAction}

func main() {
	app := &cli.App{Action: legacyActions, Commands: []*cli.Command{&cmdKeys, &cmdServe}}
	app.Run(os.Args)
}

func legacyActions(c *cli.Context) error {
	switch true {
	case c.IsSet("gen-keys"):
		return writeKeys()
	case c.IsSet("export"):
		return exportPosts()
	}
	if c.Bool("debug") {
		writeDebugLog()
	}
	return serveAction(c)
}

func genKeysAction(c *cli.Context) error {
	return writeKeys()
}

func writeKeys() error {
	return os.WriteFile("keys/email.aes256", []byte("k"), 0600)
}

func exportPosts() error {
	return os.WriteFile("export.json", []byte("[]"), 0644)
}

func writeDebugLog() {
	os.WriteFile("debug.log", []byte("on"), 0644)
}

func serveAction(c *cli.Context) error {
	os.WriteFile("server.pid", []byte("1"), 0644)
	http.HandleFunc("/health", health)
	return http.ListenAndServe(":8080", nil)
}

func health(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
}
"#;

#[test]
fn go_cli_branches_and_commands_that_serve_no_route_are_tools() {
    let dir = temp_dir("cli-branches-go");
    write_file(&dir, "go.mod", GO_MOD_URFAVE_CLI);
    write_file(&dir, "main.go", GO_MAIN);
    let report = scan_path(&dir);
    let found = lines_of(&report);
    let at = |line: u32| found.contains(&("main.go".to_string(), line));
    // writeKeys (--gen-keys, `keys` command) and exportPosts (--export): tools.
    assert!(!at(37) && !at(41), "{found:?}");
    // The serving path of the same main, and an option branch that goes on
    // to serve (--debug, no return), stay start-up findings.
    assert!(at(49), "serve path: {found:?}");
    assert!(at(45), "branch that falls through to serving: {found:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

const CS_PROGRAM: &str = r#"using McMaster.Extensions.CommandLineUtils;
using Microsoft.AspNetCore;

public class Program
{
    public static int Main(string[] args)
    {
        var app = new CommandLineApplication();
        var optionInit = app.Option("--init", "Creates appsettings.json", CommandOptionType.NoValue);
        var optionSeed = app.Option("--seed", "Writes a seed file", CommandOptionType.NoValue);
        app.OnExecute(() =>
        {
            if (optionInit.HasValue())
            {
                File.Copy("base.json", "appsettings.json");
                return 0;
            }
            if (optionSeed.HasValue())
            {
                File.WriteAllText("seed.json", "[]");
            }
            WritePid();
            WebHost.CreateDefaultBuilder(args).UseStartup<Startup>().Build().Run();
            return 0;
        });
        return app.Execute(args);
    }

    private static void WritePid()
    {
        File.WriteAllText("server.pid", "1");
    }
}
"#;

const CS_CONTROLLER: &str = r#"using Microsoft.AspNetCore.Mvc;

[ApiController]
[Route("api/health")]
public class HealthController : ControllerBase
{
    [HttpGet]
    public string Get() => "ok";
}
"#;

#[test]
fn csharp_an_option_branch_that_returns_before_the_host_is_a_tool() {
    let dir = temp_dir("cli-branches-cs");
    write_file(
        &dir,
        "App/App.csproj",
        "<Project Sdk=\"Microsoft.NET.Sdk.Web\"></Project>\n",
    );
    write_file(&dir, "App/Program.cs", CS_PROGRAM);
    write_file(&dir, "App/HealthController.cs", CS_CONTROLLER);
    let report = scan_path(&dir);
    let found = lines_of(&report);
    let at = |line: u32| found.contains(&("App/Program.cs".to_string(), line));
    // --init copies a settings file and returns: no host was built.
    assert!(!at(15), "{found:?}");
    // --seed goes on to serve; the serving path stays.
    assert!(at(20), "branch that falls through to serving: {found:?}");
    assert!(at(31), "serve path: {found:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

const GO_FLAGS: &str = r#"package main

import (
	"flag"
	"net/http"
	"os"
)

var dump = flag.Bool("dump", false, "dump the data and exit")

func main() {
	var refresh bool
	flag.BoolVar(&refresh, "refresh-feeds", false, "refresh and exit")
	export := flag.String("export", "", "export a user's feeds")
	verbose := flag.Bool("verbose", false, "log more")
	flag.Parse()
	if refresh {
		refreshFeeds()
		return
	}
	if *export != "" {
		exportFeeds(*export)
		os.Exit(0)
	}
	if *dump {
		dumpAll()
		return
	}
	if *verbose {
		writeDebugLog()
	}
	serve()
}

func refreshFeeds() {
	os.WriteFile("refresh.log", []byte("1"), 0644)
}

func exportFeeds(user string) {
	os.WriteFile("export.opml", []byte(user), 0644)
}

func dumpAll() {
	os.WriteFile("dump.json", []byte("[]"), 0644)
}

func writeDebugLog() {
	os.WriteFile("debug.log", []byte("on"), 0644)
}

func serve() {
	os.WriteFile("server.pid", []byte("1"), 0644)
	http.HandleFunc("/health", health)
	http.ListenAndServe(":8080", nil)
}

func health(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
}
"#;

/// Go's `flag` package: a mode chosen by a flag variable (`if refresh {
/// refreshFeeds(); return }`, `if *export != "" { …; os.Exit(0) }`, a flag
/// declared at the package's top level) is a tool; a flag that only tunes
/// the server (`if *verbose { … }`, no return) and the serving path are not.
#[test]
fn go_flag_modes_that_return_before_serving_are_tools() {
    let dir = temp_dir("cli-branches-go-flags");
    write_file(&dir, "go.mod", "module example.com/app\n\ngo 1.22\n");
    write_file(&dir, "main.go", GO_FLAGS);
    let report = scan_path(&dir);
    let found = lines_of(&report);
    let at = |line: u32| found.contains(&("main.go".to_string(), line));
    // refreshFeeds, exportFeeds, dumpAll: tools.
    assert!(!at(36) && !at(40) && !at(44), "{found:?}");
    // writeDebugLog (a flag that falls through to serving) and serve.
    assert!(at(48), "branch that falls through to serving: {found:?}");
    assert!(at(52), "serve path: {found:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A tagless switch on flags that ends `main`: each case is one mode; the
/// default case serves.
#[test]
fn go_flag_switch_cases_are_tools() {
    let dir = temp_dir("cli-branches-go-flag-switch");
    write_file(&dir, "go.mod", "module example.com/app\n\ngo 1.22\n");
    write_file(
        &dir,
        "main.go",
        r#"package main

import (
	"flag"
	"net/http"
	"os"
)

func main() {
	export := flag.Bool("export", false, "export and exit")
	flag.Parse()
	switch {
	case *export:
		os.WriteFile("export.json", []byte("[]"), 0644)
	default:
		os.WriteFile("server.pid", []byte("1"), 0644)
		http.HandleFunc("/health", health)
		http.ListenAndServe(":8080", nil)
	}
}

func health(w http.ResponseWriter, r *http.Request) {}
"#,
    );
    let report = scan_path(&dir);
    let found = lines_of(&report);
    let at = |line: u32| found.contains(&("main.go".to_string(), line));
    assert!(!at(14), "export case: {found:?}");
    assert!(at(16), "serving default: {found:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

const GO_START_COMMAND: &str = r#"package main

import (
	"net/http"
	"os"

	"github.com/urfave/cli/v2"
)

var cmdStart = cli.Command{
	Name: "start",
	Action: func(ctx *cli.Context) error {
		go serve()
		go pollForever()
		return nil
	},
}

var cmdKeys = cli.Command{
	Name: "keys",
	Action: func(ctx *cli.Context) error {
		go pollForever()
		return os.WriteFile("keys/email.aes256", []byte("k"), 0600)
	},
}

func main() {
	app := &cli.App{Commands: []*cli.Command{&cmdStart, &cmdKeys}}
	app.Run(os.Args)
}

func pollForever() {
	for {
		refresh()
	}
}

func refresh() {}

func serve() {
	http.HandleFunc("/health", health)
	http.ListenAndServe(":8080", nil)
}

func health(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte("ok"))
}
"#;

/// Another binary of the repository: its command serves nothing.
const GO_ADMIN_COMMAND: &str = r#"package main

import (
	"os"

	"github.com/urfave/cli/v2"
)

var cmdExport = cli.Command{
	Name: "export",
	Action: func(ctx *cli.Context) error {
		go flush()
		return os.WriteFile("export.json", []byte("[]"), 0644)
	},
}

func flush() {}

func main() {
	app := &cli.App{Commands: []*cli.Command{&cmdExport}}
	app.Run(os.Args)
}
"#;

#[test]
fn go_a_command_action_that_serves_is_start_up() {
    let dir = temp_dir("cli-start-command-go");
    write_file(&dir, "go.mod", GO_MOD_URFAVE_CLI);
    write_file(&dir, "cmd/server/main.go", GO_START_COMMAND);
    write_file(&dir, "cmd/admin/main.go", GO_ADMIN_COMMAND);
    let report = scan_path(&dir);
    let found = lines_of(&report);
    let at = |file: &str, line: u32| found.contains(&(file.to_string(), line));
    // The `start` command's action, which no call reaches (the CLI library
    // runs it), serves routes: the goroutine it starts beside the server is
    // start-up work.
    assert!(at("cmd/server/main.go", 14), "start command: {found:?}");
    // The `keys` command beside it, and the other binary's command, are tools.
    assert!(!at("cmd/server/main.go", 22), "keys command: {found:?}");
    assert!(!at("cmd/server/main.go", 23), "keys command: {found:?}");
    assert!(!at("cmd/admin/main.go", 12), "other binary: {found:?}");
    assert!(!at("cmd/admin/main.go", 13), "other binary: {found:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
