//! `textDocument/codeAction`: for each carve diagnostic in the range, a quick
//! fix that inserts a `carve: ignore[rule-id] reason` comment above the
//! finding's line, the syntax the CLI honours (see `extract::suppress`), and
//! above each other place the finding stands for (its `also` places, carried
//! in the diagnostic's `data`).

use super::analysis::Analysis;
use super::diagnostics::{AlsoData, SOURCE};
use crate::lang::Lang;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Diagnostic, NumberOrString,
    Position, Range, TextEdit, WorkspaceEdit,
};
use std::collections::BTreeMap;
use std::path::Path;

/// What the inserted comment asks the user to fill in.
pub const REASON_PLACEHOLDER: &str = "TODO: why this is safe here";

pub fn code_actions(
    analysis: &Analysis,
    published: &[Diagnostic],
    params: &CodeActionParams,
) -> Vec<CodeActionOrCommand> {
    let uri = &params.text_document.uri;
    let Some(rel) = analysis.relative_uri(uri) else {
        return Vec::new();
    };
    // The client's diagnostics when it sends them, else ours on those lines.
    let overlaps = |d: &&Diagnostic| {
        d.range.start.line <= params.range.end.line && params.range.start.line <= d.range.end.line
    };
    let ours = |d: &&Diagnostic| d.source.as_deref() == Some(SOURCE);
    let diagnostics: Vec<&Diagnostic> = if params.context.diagnostics.is_empty() {
        published.iter().filter(overlaps).collect()
    } else {
        params.context.diagnostics.iter().filter(ours).collect()
    };
    let mut actions = Vec::new();
    for d in diagnostics {
        let Some(NumberOrString::String(rule)) = &d.code else {
            continue;
        };
        // Edits by relative path: this diagnostic's line first.
        let mut edits: BTreeMap<String, Vec<TextEdit>> = BTreeMap::new();
        let places = std::iter::once((rel.clone(), d.range.start.line + 1)).chain(also(d));
        let mut count = 0;
        for (file, line) in places {
            if let Some(edit) = suppression(analysis, &file, line, rule) {
                edits.entry(file).or_default().push(edit);
                count += 1;
            }
        }
        if !edits.contains_key(&rel) {
            continue;
        }
        let title = match count {
            1 => format!("Suppress `{rule}` here (carve: ignore)"),
            2 => format!("Suppress `{rule}` here and at its other place (carve: ignore)"),
            n => format!(
                "Suppress `{rule}` here and at its {} other places (carve: ignore)",
                n - 1
            ),
        };
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![d.clone()]),
            edit: Some(WorkspaceEdit {
                changes: Some(
                    edits
                        .into_iter()
                        .filter_map(|(file, edits)| Some((analysis.uri(&file)?.clone(), edits)))
                        .collect(),
                ),
                ..WorkspaceEdit::default()
            }),
            ..CodeAction::default()
        }));
    }
    actions
}

/// The comment that suppresses `rule` on the 1-based `line` of `file`,
/// inserted above it with the line's indentation.
fn suppression(analysis: &Analysis, file: &str, line: u32, rule: &str) -> Option<TextEdit> {
    let text = analysis.text(file)?;
    let comment = Lang::from_path(Path::new(file)).map_or("//", Lang::line_comment);
    let indent: String = text
        .line(line)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_whitespace())
        .collect();
    let at = Position::new(line.checked_sub(1)?, 0);
    Some(TextEdit {
        range: Range::new(at, at),
        new_text: format!("{indent}{comment} carve: ignore[{rule}] {REASON_PLACEHOLDER}\n"),
    })
}

/// The `also` places a diagnostic carries in its `data` (see
/// `diagnostics::AlsoData`), as (relative path, 1-based line).
fn also(d: &Diagnostic) -> Vec<(String, u32)> {
    d.data
        .clone()
        .and_then(|data| serde_json::from_value::<AlsoData>(data).ok())
        .map_or_else(Vec::new, |data| {
            data.also.into_iter().map(|p| (p.file, p.line)).collect()
        })
}
