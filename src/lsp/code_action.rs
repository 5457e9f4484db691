//! `textDocument/codeAction`: for each carve diagnostic in the range, a quick
//! fix that inserts a `carve: ignore[rule-id] reason` comment above the
//! finding's line, the syntax the CLI honours (see `extract::suppress`).

use super::analysis::Analysis;
use super::diagnostics::SOURCE;
use crate::lang::Lang;
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Diagnostic, NumberOrString,
    Position, Range, TextEdit, WorkspaceEdit,
};
use std::collections::HashMap;
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
    let Some(text) = analysis.text(&rel) else {
        return Vec::new();
    };
    let comment = Lang::from_path(Path::new(&rel)).map_or("//", Lang::line_comment);
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
        let line = d.range.start.line;
        let indent: String = text
            .line(line + 1)
            .unwrap_or("")
            .chars()
            .take_while(|c| c.is_whitespace())
            .collect();
        let at = Position::new(line, 0);
        let edit = TextEdit {
            range: Range::new(at, at),
            new_text: format!("{indent}{comment} carve: ignore[{rule}] {REASON_PLACEHOLDER}\n"),
        };
        actions.push(CodeActionOrCommand::CodeAction(CodeAction {
            title: format!("Suppress `{rule}` here (carve: ignore)"),
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![d.clone()]),
            edit: Some(WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                ..WorkspaceEdit::default()
            }),
            ..CodeAction::default()
        }));
    }
    actions
}
