//! The language server's analysis after a sequence of edits equals a
//! from-scratch analysis of the edited files: the same report and the same
//! diagnostics after every edit (definitions, calls, routes, blockers and
//! imports added and removed, in several languages; edits that leave a
//! file's interface alone, which link only that file again, or change its
//! imports, which link the files resolved through it again; files added
//! and removed).

mod common;

use carve::lsp::analysis::Analysis;
use carve::lsp::diagnostics;
use carve::lsp::positions::Encoding;
use carve::settings::Flags;
use std::path::Path;

/// One edit: in `file`, `old` becomes `new`; an empty `old` appends `new`
/// (to a new file if there is none); `REMOVE` deletes the file.
type Edit = (&'static str, &'static str, &'static str);

const REMOVE: &str = "<remove>";

fn load(root: &Path) -> Analysis {
    let flags = Flags {
        no_cache: true,
        ..Flags::default()
    };
    Analysis::load(root, &flags, &mut |_, _| {}).expect("analysis")
}

/// The report without its duration, and every file's diagnostics.
fn outcome(a: &Analysis) -> (serde_json::Value, String) {
    let mut report = serde_json::to_value(&a.output.report).expect("report json");
    report["stats"]["duration_ms"] = 0.into();
    let diags = serde_json::to_string(&diagnostics::all(a, Encoding::Utf16)).expect("json");
    (report, diags)
}

fn check(sample: &str, edits: &[Edit]) {
    let root = common::copy_sample(sample, &format!("incremental-{sample}"));
    let mut incremental = load(&root);
    // Diagnostics rebuilt from the previous ones after each edit, as the
    // server does.
    let mut published = diagnostics::build(&incremental, Encoding::Utf16, &Default::default());
    for (step, (file, old, new)) in edits.iter().enumerate() {
        let path = root.join(file);
        if *old == REMOVE {
            std::fs::remove_file(&path).expect("remove");
            assert!(incremental.remove(file));
            published = diagnostics::build(&incremental, Encoding::Utf16, &published);
            assert_same(&incremental, &published, &root, sample, step, file);
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let edited = if old.is_empty() {
            format!("{text}{new}")
        } else {
            assert!(
                text.contains(old),
                "{sample} step {step}: `{old}` not in {file}"
            );
            text.replacen(old, new, 1)
        };
        std::fs::write(&path, &edited).expect("write");
        assert!(incremental.set_text(file, edited.into_bytes()));
        published = diagnostics::build(&incremental, Encoding::Utf16, &published);
        assert_same(&incremental, &published, &root, sample, step, file);
    }
    let _ = std::fs::remove_dir_all(&root);
}

fn assert_same(
    incremental: &Analysis,
    published: &diagnostics::Published,
    root: &Path,
    sample: &str,
    step: usize,
    file: &str,
) {
    let (report, diags) = outcome(incremental);
    let (fresh_report, fresh_diags) = outcome(&load(root));
    let kept = serde_json::to_string(&published.lists()).expect("json");
    assert!(
        kept == fresh_diags,
        "{sample} step {step} ({file}): the diagnostics kept differ from a fresh analysis"
    );
    assert!(
        report == fresh_report,
        "{sample} step {step} ({file}): the report differs from a fresh analysis"
    );
    assert!(
        diags == fresh_diags,
        "{sample} step {step} ({file}): the diagnostics differ from a fresh analysis"
    );
}

#[test]
fn python_edits_equal_a_fresh_analysis() {
    const F: &str = "inventory/reports.py";
    check(
        "flask",
        &[
            (F, "", "\n\ndef added_helper():\n    return 1\n"),
            (
                F,
                "def audit_log():\n",
                "def audit_log():\n    added_helper()\n",
            ),
            (F, "import csv\n", "import time\nimport csv\n"),
            (F, "    return 1\n", "    time.sleep(5)\n    return 1\n"),
            (
                F,
                "",
                "\n\n@bp.get('/added')\ndef added_route():\n    return added_helper()\n",
            ),
            (F, "import time\n", ""),
            (F, "def added_helper():", "def renamed_helper():"),
            (F, "@bp.get('/added')\n", ""),
            ("inventory/api.py", "from .models import Item\n", ""),
        ],
    );
}

#[test]
fn python_edits_through_other_files_equal_a_fresh_analysis() {
    const AUDIT: &str = "inventory/audit.py";
    const REPORTS: &str = "inventory/reports.py";
    const EXTRA: &str = "inventory/extra.py";
    check(
        "flask",
        &[
            // Positions shift, the interface stays: audit.py alone is linked again.
            (
                AUDIT,
                "import sqlite3\n",
                "# moved down a line\nimport sqlite3\n",
            ),
            (
                REPORTS,
                "    stamp = datetime",
                "    audit.upload_report('a', 'b')\n    stamp = datetime",
            ),
            // audit.py's imports change: reports.py resolved through it.
            (
                AUDIT,
                "import sqlite3\n",
                "import sqlite3\nfrom .storage import upload_report\n",
            ),
            (AUDIT, "from .storage import upload_report\n", ""),
            // A file added, imported, then removed.
            (
                EXTRA,
                "",
                "import time\n\n\ndef pause():\n    time.sleep(5)\n",
            ),
            (
                REPORTS,
                "from . import audit, storage\n",
                "from . import audit, extra, storage\n",
            ),
            (
                REPORTS,
                "    stamp = datetime",
                "    extra.pause()\n    stamp = datetime",
            ),
            (EXTRA, REMOVE, ""),
            (EXTRA, "", "def pause():\n    return 1\n"),
        ],
    );
}

#[test]
fn javascript_edits_equal_a_fresh_analysis() {
    const F: &str = "routes/admin.js";
    check(
        "express",
        &[
            (F, "", "\nfunction addedHelper() { return 1; }\n"),
            (
                F,
                "res.json(config.features);",
                "addedHelper(); res.json(config.features);",
            ),
            (
                F,
                "{ return 1; }",
                "{ fs.writeFileSync('./data/x.json', '1'); return 1; }",
            ),
            (
                F,
                "",
                "\nrouter.get('/added', (req, res) => res.json(addedHelper()));\n",
            ),
            (F, "const fs = require('fs');\n", ""),
            (F, "function addedHelper()", "function renamedHelper()"),
            (F, "router.get('/added'", "router.post('/added'"),
            (
                "routes/auth.js",
                "const db = require('../services/db');\n",
                "",
            ),
        ],
    );
}

#[test]
fn javascript_edits_through_other_files_equal_a_fresh_analysis() {
    const RELAY: &str = "services/relay.js";
    const ADMIN: &str = "routes/admin.js";
    check(
        "express",
        &[
            (
                RELAY,
                "",
                "const { exportOrdersCsv } = require('./exporter');\nmodule.exports = { exportOrdersCsv };\n",
            ),
            (
                ADMIN,
                "const auth = require('../middleware/auth');\n",
                "const auth = require('../middleware/auth');\nconst relay = require('../services/relay');\n",
            ),
            (ADMIN, "  res.json(config.features);", "  relay.exportOrdersCsv();\n  res.json(config.features);"),
            // relay.js's imports change, not its interface: admin.js resolved
            // `relay.exportOrdersCsv` through them.
            (RELAY, "require('./exporter')", "require('./legacyDb')"),
            (RELAY, "require('./legacyDb')", "require('./exporter')"),
            // Positions shift in both.
            (RELAY, "", "\n// relays the exporter\n"),
            (ADMIN, "const fs = require('fs');\n", "\nconst fs = require('fs');\n"),
            (RELAY, REMOVE, ""),
        ],
    );
}

#[test]
fn go_edits_equal_a_fresh_analysis() {
    const F: &str = "internal/admin/routes.go";
    check(
        "gin",
        &[
            (F, "", "\nfunc addedHelper() int { return 1 }\n"),
            (
                F,
                "func stats(c *gin.Context) {\n",
                "func stats(c *gin.Context) {\n\taddedHelper()\n",
            ),
            (
                F,
                "g.POST(\"/reindex\", reindex)",
                "g.POST(\"/reindex\", reindex)\n\tg.GET(\"/added\", stats)",
            ),
            (
                F,
                "{ return 1 }",
                "{ time.Sleep(5 * time.Second); return 1 }",
            ),
            (F, "import (\n", "import (\n\t\"time\"\n"),
            (F, "func addedHelper()", "func renamedHelper()"),
            (F, "\tg.GET(\"/added\", stats)", ""),
        ],
    );
}

/// A Go notifier that keeps the callbacks registered with it.
const NOTIFIER: &str = "package admin

import \"time\"

type Notifier struct {
\tdeleted []func(uid uint) error
}

var notifier = &Notifier{}

func (c *Notifier) OnUserDeleted(cb func(uid uint) error) {
\tc.deleted = append(c.deleted, cb)
}

func (c *Notifier) fireUserDeleted(uid uint) error {
\tfor _, cb := range c.deleted {
\t\tif err := cb(uid); err != nil {
\t\t\treturn err
\t\t}
\t}
\treturn nil
}

func slowCleanup(uid uint) error {
\ttime.Sleep(20 * time.Second)
\treturn nil
}
";

#[test]
fn go_callbacks_registered_in_another_file_equal_a_fresh_analysis() {
    const ROUTES: &str = "internal/admin/routes.go";
    const NOTIFY: &str = "internal/admin/notifier.go";
    check(
        "gin",
        &[
            (NOTIFY, "", NOTIFIER),
            (
                ROUTES,
                "func stats(c *gin.Context) {\n",
                "func stats(c *gin.Context) {\n\tnotifier.fireUserDeleted(1)\n",
            ),
            // A body edit of routes.go that registers a callback: the range
            // over the field in notifier.go now calls it (GET /admin/stats
            // reaches the sleep), so notifier.go links again.
            (
                ROUTES,
                "\tg.POST(\"/reindex\", reindex)\n",
                "\tg.POST(\"/reindex\", reindex)\n\tnotifier.OnUserDeleted(slowCleanup)\n",
            ),
            (ROUTES, "\tnotifier.OnUserDeleted(slowCleanup)\n", ""),
        ],
    );
}

#[test]
fn java_edits_equal_a_fresh_analysis() {
    const F: &str = "src/main/java/com/example/shop/web/HomeController.java";
    check(
        "spring",
        &[
            (F, "        return \"index\";\n    }\n", "        return \"index\";\n    }\n\n    private int addedHelper() { return 1; }\n"),
            (F, "    public String index(Model model) {\n", "    public String index(Model model) {\n        addedHelper();\n"),
            (F, "{ return 1; }", "{ try { Thread.sleep(5000); } catch (InterruptedException e) { } return 1; }"),
            (F, "    @GetMapping(\"/\")\n", "    @GetMapping(\"/added\")\n    public String added() { return \"index\"; }\n\n    @GetMapping(\"/\")\n"),
            (F, "import org.springframework.ui.Model;\n", ""),
            (F, "private int addedHelper()", "private int renamedHelper()"),
        ],
    );
}

#[test]
fn a_finding_moved_within_its_line_equals_a_fresh_analysis() {
    const EXPORTER: &str = "services/exporter.js";
    // The `execSync` that routes declared in other files reach moves one
    // column: its fingerprint and the chains to it are unchanged, so the
    // keys of the routes and of the finding are too, but their reports
    // name the edited file: they must be built again, not reused.
    check(
        "express",
        &[
            (EXPORTER, "  return execSync(", "  return  execSync("),
            (EXPORTER, "  return  execSync(", "  return execSync("),
        ],
    );
}
