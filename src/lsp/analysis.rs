//! The analysed workspace held in memory: settings, the extractor, each
//! file's text and facts, and the last scan output. The first analysis
//! reads each file's facts from the scan's cache when it can; a changed
//! file is re-extracted from its text alone (no disk read, queries reused),
//! then the program is re-linked, re-assessed and reported.

use super::extraction::{self, Extractor};
use super::positions::LineText;
use super::uri;
use crate::cache::Cache;
use crate::discover::{self, SkippedFile, SourceFile};
use crate::isolate::Isolation;
use crate::lang::Lang;
use crate::link;
use crate::report;
use crate::scan::{self, ScanError, ScanOutput};
use crate::settings::{self, Flags, Settings, SettingsError};
use lsp_types::Uri;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum AnalysisError {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Settings(#[from] SettingsError),
    #[error(transparent)]
    #[diagnostic(transparent)]
    Scan(#[from] ScanError),
}

/// Where a route is declared and where its handler is defined, as
/// (relative path, 1-based line); `report_idx` indexes `Report::routes`.
pub struct RouteSite {
    pub report_idx: usize,
    pub declared: (String, u32),
    pub handler: Option<(String, u32)>,
}

pub struct Analysis {
    pub root: PathBuf,
    pub settings: Settings,
    extractor: Extractor,
    /// Analysable files by relative path.
    files: BTreeMap<String, SourceFile>,
    /// Files the walk did not pick when asked (a test file, an ignored
    /// one): not walked for again at each keystroke, until saved or created.
    rejected: BTreeSet<String>,
    /// Each analysable file's URI, parsed once.
    uris: BTreeMap<String, Uri>,
    /// The text each file was analysed from (the editor's while it is open).
    texts: BTreeMap<String, LineText>,
    /// Skipped by the walk (ignored, unsupported, …).
    walk_skipped: Vec<SkippedFile>,
    /// Files whose text could not be analysed, by relative path.
    text_skipped: BTreeMap<String, SkippedFile>,
    project: crate::discover::Project,
    pub output: ScanOutput,
    /// What the last analysis keeps for the next (`scan::analyse_incremental`).
    kept: Option<scan::Kept>,
}

impl Analysis {
    /// Discovers and analyses the workspace at `root`, calling `progress`
    /// with a message and a percentage between stages.
    pub fn load(
        root: &Path,
        flags: &Flags,
        progress: &mut dyn FnMut(&str, u32),
    ) -> Result<Analysis, AnalysisError> {
        let started = Instant::now();
        let settings = settings::load(root.to_path_buf(), flags)?;
        progress("discovering files", 0);
        let ws = discover::discover(&settings.config).map_err(ScanError::from)?;
        let langs: Vec<Lang> = ws.files.iter().map(|f| f.lang).collect();
        progress(&format!("extracting {} files", ws.files.len()), 10);
        let isolation = settings
            .config
            .worker_exe
            .as_deref()
            .map(|exe| Isolation::new(exe, &settings.rules, &langs));
        let cache = settings
            .config
            .cache_dir
            .as_deref()
            .and_then(|dir| Cache::open(dir, &settings.rules));
        let mut extractor = Extractor::new(isolation);
        let loaded = extractor
            .load_all(
                &ws.files,
                settings.config.max_file_bytes,
                &settings.rules,
                cache.as_ref(),
            )
            .map_err(ScanError::from)?;
        progress("linking and assessing", 80);
        let mut texts = BTreeMap::new();
        let mut text_skipped = BTreeMap::new();
        let mut facts = Vec::with_capacity(loaded.len());
        for (file, result) in ws.files.iter().zip(loaded) {
            match result {
                Ok((text, f)) => {
                    texts.insert(file.rel.clone(), LineText::new(text));
                    facts.push(f);
                }
                Err(skipped) => {
                    text_skipped.insert(file.rel.clone(), skipped);
                }
            }
        }
        let mut skipped = ws.skipped.clone();
        skipped.extend(text_skipped.values().cloned());
        skipped.sort();
        let project = ws.project();
        let (output, kept) = scan::analyse_incremental(
            facts,
            &settings.rules,
            project.clone(),
            skipped,
            started,
            scan::Previous::default(),
            &|path| texts.get(path).map(|t| Cow::Borrowed(t.as_str())),
        );
        Ok(Analysis {
            root: root.to_path_buf(),
            settings,
            extractor,
            rejected: BTreeSet::new(),
            uris: ws
                .files
                .iter()
                .filter_map(|f| Some((f.rel.clone(), uri::from_path(&f.abs)?)))
                .collect(),
            files: ws.files.into_iter().map(|f| (f.rel.clone(), f)).collect(),
            texts,
            walk_skipped: ws.skipped,
            text_skipped,
            project,
            output,
            kept: Some(kept),
        })
    }

    /// Compiles, off the server's thread, the queries the first analysis did
    /// not need (its facts came from the cache): the first edit need not
    /// wait for them. Called once the first diagnostics are out.
    pub fn prepare_edits(&mut self) {
        let langs: Vec<Lang> = self.files.values().map(|f| f.lang).collect();
        self.extractor
            .prepare_in_background(&self.settings.rules, &langs);
    }

    /// The `/`-separated path of `path` relative to the root; None outside it.
    pub fn relative(&self, path: &Path) -> Option<String> {
        let rel = path.strip_prefix(&self.root).ok()?;
        let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
        Some(parts?.join("/"))
    }

    /// The relative path of a `file://` URI under the root.
    pub fn relative_uri(&self, uri: &Uri) -> Option<String> {
        self.relative(&uri::to_path(uri)?)
    }

    /// The URI of an analysed file.
    pub fn uri(&self, rel: &str) -> Option<&Uri> {
        self.uris.get(rel)
    }

    /// The text `rel` was analysed from.
    pub fn text(&self, rel: &str) -> Option<&LineText> {
        self.texts.get(rel)
    }

    /// Whether `rel` is a file the analysis covers (or would, had its text
    /// been readable).
    pub fn covers(&self, rel: &str) -> bool {
        self.files.contains_key(rel)
    }

    /// Re-analyses with a new text for `rel` (an editor buffer, or the bytes
    /// of the file on disk). A file the walk would not pick (ignored, excluded, a test,
    /// another language) is left out. Returns whether anything changed.
    pub fn set_text(&mut self, rel: &str, text: Vec<u8>) -> bool {
        if self.texts.get(rel).map(|t| t.as_str().as_bytes()) == Some(&text[..]) {
            return false;
        }
        if !self.files.contains_key(rel) && !self.admit(rel) {
            return false;
        }
        let Some(file) = self.files.get(rel) else {
            return false;
        };
        let started = Instant::now();
        let max_file_bytes = self.settings.config.max_file_bytes;
        let result = extraction::check_text(file, text, max_file_bytes).and_then(|text| {
            let facts = self.extractor.extract(file, &text, &self.settings.rules)?;
            Ok((text, facts))
        });
        let mut facts = self.take_source_facts();
        let at = facts.binary_search_by(|f| f.path.as_str().cmp(rel));
        let mut change = None;
        let mut changed = None;
        match (result, at) {
            (Ok((text, new)), Ok(i)) => {
                change = link::Change::between(i, &facts[i], &new);
                changed = Some(i);
                facts[i] = new;
                self.texts.insert(rel.to_string(), LineText::new(text));
                self.text_skipped.remove(rel);
            }
            (Ok((text, new)), Err(i)) => {
                facts.insert(i, new);
                self.texts.insert(rel.to_string(), LineText::new(text));
                self.text_skipped.remove(rel);
            }
            (Err(skipped), at) => {
                if let Ok(i) = at {
                    facts.remove(i);
                }
                self.texts.remove(rel);
                self.text_skipped.insert(rel.to_string(), skipped);
            }
        }
        self.relink(facts, change, changed, started);
        true
    }

    /// Re-analyses without `rel` (deleted). Returns whether it was analysed.
    pub fn remove(&mut self, rel: &str) -> bool {
        if self.files.remove(rel).is_none() {
            return false;
        }
        self.uris.remove(rel);
        let started = Instant::now();
        self.texts.remove(rel);
        self.text_skipped.remove(rel);
        let mut facts = self.take_source_facts();
        facts.retain(|f| f.path != rel);
        self.relink(facts, None, None, started);
        true
    }

    /// Lets the next change of `rel` ask the walk again (it was saved or
    /// created on disk).
    pub fn recheck(&mut self, rel: &str) {
        self.rejected.remove(rel);
    }

    /// Whether the walk picks `rel` (a new file); records the answer.
    fn admit(&mut self, rel: &str) -> bool {
        if Lang::from_path(Path::new(rel)).is_none() || self.rejected.contains(rel) {
            return false;
        }
        let on_disk = std::fs::symlink_metadata(self.root.join(rel)).is_ok();
        let picked = if on_disk {
            let Ok(ws) = discover::discover(&self.settings.config) else {
                return false;
            };
            ws.files.into_iter().find(|f| f.rel == rel)
        } else {
            // A new buffer not saved yet: what the walk would do with it.
            discover::would_walk(&self.settings.config, rel)
        };
        match picked {
            Some(file) => {
                if let Some(uri) = uri::from_path(&file.abs) {
                    self.uris.insert(rel.to_string(), uri);
                }
                self.files.insert(rel.to_string(), file);
                true
            }
            None => {
                self.rejected.insert(rel.to_string());
                false
            }
        }
    }

    /// The source files' facts of the last analysis, taken for the next
    /// (the settings files' facts are made again by each link).
    fn take_source_facts(&mut self) -> Vec<crate::extract::facts::FileFacts> {
        let program = &mut self.output.program;
        let mut facts = std::mem::take(&mut program.files);
        facts.truncate(program.sources);
        facts
    }

    /// Links, assesses and reports `facts`; `change`, the one change since
    /// the last link when it left the interface of the file alone, lets the
    /// link keep what the other files' link produced; `changed`, the one
    /// file whose facts changed (the same files otherwise), lets the report
    /// keep the parts of the last one that did not.
    fn relink(
        &mut self,
        facts: Vec<crate::extract::facts::FileFacts>,
        change: Option<link::Change>,
        changed: Option<usize>,
        started: Instant,
    ) {
        let mut skipped = self.walk_skipped.clone();
        skipped.extend(self.text_skipped.values().cloned());
        skipped.sort();
        let (link, keys) = self.kept.take().map(|k| (k.link, k.report)).unzip();
        let report = &mut self.output.report;
        let previous = scan::Previous {
            link: link.zip(change),
            report: keys
                .zip(changed)
                .map(|(keys, changed)| report::reuse::Previous {
                    routes: std::mem::take(&mut report.routes),
                    findings: std::mem::take(&mut report.findings),
                    keys,
                    changed,
                }),
        };
        let texts = &self.texts;
        let (output, kept) = scan::analyse_incremental(
            facts,
            &self.settings.rules,
            self.project.clone(),
            skipped,
            started,
            previous,
            &|path| texts.get(path).map(|t| Cow::Borrowed(t.as_str())),
        );
        self.kept = Some(kept);
        super::drop_later(std::mem::replace(&mut self.output, output));
    }

    /// Every route's declaration and handler.
    pub fn route_sites(&self) -> Vec<RouteSite> {
        let program = &self.output.program;
        self.output
            .assessed
            .assessments
            .iter()
            .enumerate()
            .map(|(report_idx, a)| {
                let route = &program.routes[a.route_idx];
                RouteSite {
                    report_idx,
                    declared: (program.files[route.file].path.clone(), route.pos.line),
                    handler: route.handler.map(|(file, def)| {
                        let facts = &program.files[file];
                        (facts.path.clone(), facts.defs[def].pos.line)
                    }),
                }
            })
            .collect()
    }
}
