//! Positions: carve counts 1-based lines and characters; LSP counts 0-based
//! lines and, per the negotiated `positionEncoding`, UTF-8 bytes or (the
//! default) UTF-16 code units.

use crate::extract::facts::Pos;
use lsp_types::{ClientCapabilities, Position, PositionEncodingKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it, otherwise UTF-16 (which every client
    /// must accept).
    pub fn negotiate(caps: &ClientCapabilities) -> Encoding {
        let offered = caps
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref());
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// A file's text with the byte offset of each line, so a position is
/// converted without scanning the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineText {
    text: String,
    starts: Vec<usize>,
}

impl LineText {
    pub fn new(text: String) -> LineText {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineText { text, starts }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The text of a 1-based line, without its line break.
    pub fn line(&self, line: u32) -> Option<&str> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&e| e - 1);
        let text = self.text.get(start..end.max(start))?;
        Some(text.strip_suffix('\r').unwrap_or(text))
    }

    /// The LSP position of `pos`. A column past the end of its line is
    /// clamped to the line's end; a line past the end keeps column 0.
    pub fn to_lsp(&self, pos: Pos, enc: Encoding) -> Position {
        let chars = pos.column.saturating_sub(1) as usize;
        let character = self.line(pos.line).map_or(0, |text| {
            text.chars()
                .take(chars)
                .map(|c| match enc {
                    Encoding::Utf8 => c.len_utf8(),
                    Encoding::Utf16 => c.len_utf16(),
                })
                .sum::<usize>()
        });
        Position {
            line: pos.line.saturating_sub(1),
            character: character as u32,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units_or_utf8_bytes() {
        // `é` is 2 UTF-8 bytes and 1 UTF-16 unit; `😀` is 4 bytes and 2 units.
        let text = LineText::new("x = 1\ns = 'é😀'; session['k']\n".into());
        let pos = Pos {
            line: 2,
            column: 11,
        }; // the `s` of `session`
        assert_eq!(text.to_lsp(pos, Encoding::Utf16), Position::new(1, 11));
        assert_eq!(text.to_lsp(pos, Encoding::Utf8), Position::new(1, 14));
        assert_eq!(
            text.to_lsp(Pos { line: 1, column: 1 }, Encoding::Utf16),
            Position::new(0, 0)
        );
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = LineText::new("ab\r\ncd".into());
        assert_eq!(text.line(1), Some("ab"));
        assert_eq!(text.line(2), Some("cd"));
        assert_eq!(text.line(3), None);
        assert_eq!(text.line(0), None);
        assert_eq!(
            text.to_lsp(
                Pos {
                    line: 1,
                    column: 40
                },
                Encoding::Utf16
            ),
            Position::new(0, 2)
        );
        assert_eq!(
            text.to_lsp(Pos { line: 9, column: 3 }, Encoding::Utf16),
            Position::new(8, 0)
        );
    }
}
