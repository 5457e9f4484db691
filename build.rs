//! Embeds the built-in rule pack (`rules/**`) and the structural queries
//! (`grammars/**/*.scm`) and the price tables (`pricing/*.toml`) into the binary, so carve runs from any directory.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            // A scan of a sample writes its cache in `.carve/cache/`: never embedded.
            if !entry.file_name().to_string_lossy().starts_with('.') {
                collect(&path, out);
            }
        } else {
            out.push(path);
        }
    }
}

fn embed(root: &Path, dir: &str, name: &str, out: &mut impl Write) {
    let mut files = Vec::new();
    collect(&root.join(dir), &mut files);
    files.sort();
    writeln!(out, "pub static {name}: &[(&str, &str)] = &[").unwrap();
    for file in files {
        let rel = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        writeln!(
            out,
            "    ({rel:?}, include_str!({:?})),",
            file.display().to_string()
        )
        .unwrap();
    }
    writeln!(out, "];").unwrap();
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let out_path = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded.rs");
    let mut out = fs::File::create(out_path).unwrap();
    embed(&root, "rules", "BUILTIN_RULE_FILES", &mut out);
    embed(&root, "grammars", "GRAMMAR_FILES", &mut out);
    embed(&root, "samples/express", "SAMPLE_FILES", &mut out);
    embed(&root, "pricing", "PRICING_FILES", &mut out);
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=grammars");
    println!("cargo:rerun-if-changed=samples/express");
    println!("cargo:rerun-if-changed=pricing");
}
