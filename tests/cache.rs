//! The cache of extracted facts: the JSON report is byte-identical with and
//! without it (cold, warm, after a file or a rule changed), a damaged or
//! foreign entry is ignored and rewritten, an unusable cache folder only
//! costs the cache, concurrent scans agree, and unused entries are pruned.

mod common;

use assert_cmd::Command;
use carve::discover::ScanConfig;
use carve::rules::RuleSet;
use common::{copy_sample, temp_dir};
use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// The JSON report of a scan of `root` with `rules`, the cache in `cache`.
fn json(root: &Path, rules: &RuleSet, cache: Option<&Path>) -> String {
    let mut config = ScanConfig::new(root.to_path_buf());
    config.cache_dir = cache.map(Path::to_path_buf);
    let mut report = carve::scan::scan(&config, rules).expect("scan runs").report;
    report.stats.duration_ms = 0;
    carve::report::json::render(&report)
}

fn builtin() -> RuleSet {
    RuleSet::builtin().expect("built-in rules load")
}

/// Each entry's name and (inode, contents): a rewritten entry is a new inode.
fn entries(cache: &Path) -> BTreeMap<String, (u64, Vec<u8>)> {
    fs::read_dir(cache)
        .expect("cache folder")
        .map(|e| e.expect("entry"))
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| {
            let meta = e.metadata().expect("metadata");
            let bytes = fs::read(e.path()).expect("entry bytes");
            (
                e.file_name().to_string_lossy().into_owned(),
                (meta.ino(), bytes),
            )
        })
        .collect()
}

fn samples() -> Vec<String> {
    let mut names: Vec<String> =
        fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples"))
            .expect("samples")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .collect();
    names.sort();
    names
}

/// The first source file of a scanned tree (by the report's file list).
fn first_source(root: &Path) -> PathBuf {
    let config = ScanConfig::new(root.to_path_buf());
    let ws = carve::discover::discover(&config).expect("discover");
    ws.files.first().expect("a source file").abs.clone()
}

#[test]
fn every_sample_reports_the_same_cold_warm_changed_and_with_other_rules() {
    let rules = builtin();
    for name in samples() {
        let root = copy_sample(&name, &format!("cache-same-{name}"));
        let cache = root.join("cache-dir");
        let uncached = json(&root, &rules, None);
        assert_eq!(json(&root, &rules, Some(&cache)), uncached, "{name}: cold");
        let cold = entries(&cache);
        assert!(!cold.is_empty(), "{name}: entries written");
        assert_eq!(json(&root, &rules, Some(&cache)), uncached, "{name}: warm");
        assert_eq!(
            entries(&cache),
            cold,
            "{name}: a warm scan rewrites nothing"
        );

        let file = first_source(&root);
        let mut text = fs::read_to_string(&file).expect("source");
        text.insert(0, '\n');
        fs::write(&file, text).expect("edit");
        let changed = json(&root, &rules, None);
        assert_ne!(changed, uncached, "{name}: the edit moves every line");
        assert_eq!(
            json(&root, &rules, Some(&cache)),
            changed,
            "{name}: changed"
        );
        assert_eq!(
            entries(&cache).len(),
            cold.len() + 1,
            "{name}: one new entry"
        );

        let mut fewer = builtin();
        fewer
            .rules
            .retain(|r| r.kind != carve::rules::Kind::Session);
        let other = json(&root, &fewer, None);
        assert_eq!(
            json(&root, &fewer, Some(&cache)),
            other,
            "{name}: other rules"
        );
        assert_eq!(
            json(&root, &fewer, Some(&cache)),
            other,
            "{name}: other rules, warm"
        );
        let _ = fs::remove_dir_all(&root);
    }
}

/// Damages every entry with `damage`, scans again: same report, and every
/// entry rewritten as a clean scan writes it.
fn damaged_entries_are_rewritten(tag: &str, damage: impl Fn(&str, &[u8]) -> Vec<u8>) {
    let rules = builtin();
    let root = copy_sample("flask", tag);
    let cache = temp_dir(&format!("{tag}-cache"));
    let uncached = json(&root, &rules, None);
    json(&root, &rules, Some(&cache));
    let clean = entries(&cache);
    let names: Vec<&String> = clean.keys().collect();
    for (i, (name, (_, bytes))) in clean.iter().enumerate() {
        // Some damages need another entry (its bytes under this name).
        let other = names[(i + 1) % names.len()];
        let replacement = damage(other, bytes);
        let replacement = if replacement.is_empty() {
            clean[other].1.clone()
        } else {
            replacement
        };
        fs::write(cache.join(name), replacement).expect("damage");
    }
    assert_eq!(json(&root, &rules, Some(&cache)), uncached, "{tag}");
    let rewritten = entries(&cache);
    assert_eq!(rewritten.len(), clean.len(), "{tag}");
    for (name, (_, bytes)) in &clean {
        assert_eq!(&rewritten[name].1, bytes, "{tag}: {name} rewritten");
    }
}

#[test]
fn a_truncated_entry_is_ignored_and_rewritten() {
    damaged_entries_are_rewritten("cache-truncated", |_, b| b[..b.len() / 2].to_vec());
}

#[test]
fn a_corrupt_entry_is_ignored_and_rewritten() {
    damaged_entries_are_rewritten("cache-corrupt", |_, b| {
        let mut b = b.to_vec();
        let last = b.len() - 1;
        b[last] ^= 0x01;
        b
    });
    damaged_entries_are_rewritten("cache-garbage", |_, _| b"not an entry".to_vec());
}

#[test]
fn an_entry_from_another_version_is_ignored_and_rewritten() {
    damaged_entries_are_rewritten("cache-version", |_, b| {
        // The header: magic (8), schema (4), version length (2), version.
        let mut b = b.to_vec();
        let version = env!("CARGO_PKG_VERSION").as_bytes();
        assert_eq!(&b[14..14 + version.len()], version);
        b[14] = b'9';
        b
    });
}

#[test]
fn another_files_entry_under_this_name_is_ignored_and_rewritten() {
    // Valid in every other respect: only the key in its header tells.
    damaged_entries_are_rewritten("cache-foreign", |_, _| Vec::new());
}

fn carve() -> Command {
    let mut cmd = Command::cargo_bin("carve").expect("binary");
    cmd.env("NO_COLOR", "1").env_remove("CARVE_CACHE_DIR");
    cmd
}

fn cli_json(cmd: &mut Command) -> (String, String) {
    let out = cmd.args(["--format", "json"]).output().expect("runs");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let text: String = text
        .lines()
        .filter(|l| !l.contains("duration_ms"))
        .collect::<Vec<_>>()
        .join("\n");
    (text, String::from_utf8(out.stderr).expect("utf-8"))
}

#[test]
fn the_cache_lives_in_dot_carve_and_is_ignored_by_git_and_the_walk() {
    let root = copy_sample("express", "cache-default");
    let (uncached, _) = cli_json(carve().arg("scan").arg(&root).arg("--no-cache"));
    assert!(!root.join(".carve").exists(), "--no-cache writes nothing");
    let (cold, _) = cli_json(carve().arg("scan").arg(&root));
    let cache = root.join(".carve").join("cache");
    assert_eq!(
        fs::read_to_string(cache.join(".gitignore")).expect(".gitignore"),
        "*\n"
    );
    assert!(!entries(&cache).is_empty());
    let (warm, _) = cli_json(carve().arg("scan").arg(&root));
    assert_eq!(cold, uncached);
    assert_eq!(warm, uncached, "the entries are not scanned as files");

    let elsewhere = temp_dir("cache-flag-dir");
    cli_json(
        carve()
            .arg("scan")
            .arg(&root)
            .arg("--cache-dir")
            .arg(&elsewhere),
    );
    assert!(!entries(&elsewhere).is_empty(), "--cache-dir");

    let config_root = copy_sample("express", "cache-config-off");
    fs::create_dir_all(config_root.join(".carve")).expect(".carve");
    fs::write(
        config_root.join(".carve/config.toml"),
        "[scan]\ncache = false\n",
    )
    .expect("config");
    let (off, _) = cli_json(carve().arg("scan").arg(&config_root));
    let (off_flag, _) = cli_json(carve().arg("scan").arg(&config_root).arg("--no-cache"));
    assert_eq!(off, off_flag);
    assert!(!config_root.join(".carve/cache").exists(), "cache = false");
}

#[test]
fn an_unusable_cache_folder_costs_only_the_cache_and_is_said_once() {
    let root = copy_sample("flask", "cache-unusable");
    let (uncached, _) = cli_json(carve().arg("scan").arg(&root).arg("--no-cache"));
    // A folder under a regular file cannot be created (even by root).
    let blocker = temp_dir("cache-unusable-blocker").join("not-a-folder");
    fs::write(&blocker, "").expect("file");
    let (text, stderr) = cli_json(
        carve()
            .arg("scan")
            .arg(&root)
            .arg("--cache-dir")
            .arg(blocker.join("cache")),
    );
    assert_eq!(text, uncached);
    assert_eq!(
        stderr.matches("cannot write the cache").count(),
        1,
        "{stderr}"
    );
}

#[test]
fn concurrent_scans_agree_and_leave_a_valid_cache() {
    let root = copy_sample("rails", "cache-concurrent");
    let cache = temp_dir("cache-concurrent-dir");
    let (uncached, _) = cli_json(carve().arg("scan").arg(&root).arg("--no-cache"));
    let children: Vec<_> = (0..3)
        .map(|_| {
            std::process::Command::new(assert_cmd::cargo::cargo_bin("carve"))
                .args(["scan", "--format", "json", "--cache-dir"])
                .arg(&cache)
                .arg(&root)
                .stdout(std::process::Stdio::piped())
                .spawn()
                .expect("spawns")
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("runs");
        assert!(out.status.success());
        let text: String = String::from_utf8(out.stdout)
            .expect("utf-8")
            .lines()
            .filter(|l| !l.contains("duration_ms"))
            .collect::<Vec<_>>()
            .join("\n");
        assert_eq!(text, uncached);
    }
    let before = entries(&cache);
    let (warm, _) = cli_json(
        carve()
            .arg("scan")
            .arg(&root)
            .arg("--cache-dir")
            .arg(&cache),
    );
    assert_eq!(warm, uncached);
    assert_eq!(entries(&cache), before, "every entry valid: none rewritten");
    let leftovers = fs::read_dir(&cache)
        .expect("cache")
        .filter(|e| {
            let name = e.as_ref().expect("entry").file_name();
            name.to_string_lossy().starts_with(".tmp")
        })
        .count();
    assert_eq!(leftovers, 0, "no temporary files left");
}

#[test]
fn entries_the_scan_did_not_use_are_pruned_once_old() {
    let rules = builtin();
    let root = copy_sample("flask", "cache-prune");
    let cache = temp_dir("cache-prune-dir");
    json(&root, &rules, Some(&cache));
    let used = entries(&cache);
    let old = cache.join("0".repeat(64));
    let recent = cache.join("1".repeat(64));
    let stale_temp = cache.join(".tmp-1-1");
    for path in [&old, &recent, &stale_temp] {
        fs::write(path, "stale").expect("write");
    }
    let long_ago = std::time::SystemTime::now() - carve::cache::PRUNE_AFTER * 2;
    for path in [&old, &stale_temp] {
        fs::File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(long_ago))
            .expect("age");
    }
    // Also age the used entries: being used keeps them.
    for name in used.keys() {
        fs::File::options()
            .write(true)
            .open(cache.join(name))
            .and_then(|f| f.set_modified(long_ago))
            .expect("age");
    }
    json(&root, &rules, Some(&cache));
    assert!(!old.exists(), "an old unused entry is pruned");
    assert!(!stale_temp.exists(), "an old temporary file is pruned");
    assert!(
        recent.exists(),
        "a recent unused entry is kept (another scan's)"
    );
    let after = entries(&cache);
    for name in used.keys() {
        assert!(after.contains_key(name), "used entry {name} kept");
    }
    assert!(cache.join(".gitignore").exists());
}
