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

/// The LSP position of `pos` in `text`. A column past the end of its line
/// is clamped to the line's end; a line past the end keeps column 0.
pub fn to_lsp(text: &str, pos: Pos, enc: Encoding) -> Position {
    let line = pos.line.saturating_sub(1);
    let chars = pos.column.saturating_sub(1) as usize;
    let character = text.lines().nth(line as usize).map_or(0, |line_text| {
        line_text
            .chars()
            .take(chars)
            .map(|c| match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            })
            .sum::<usize>()
    });
    Position {
        line,
        character: character as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_utf16_units_or_utf8_bytes() {
        // `é` is 2 UTF-8 bytes and 1 UTF-16 unit; `😀` is 4 bytes and 2 units.
        let text = "x = 1\ns = 'é😀'; session['k']\n";
        let pos = Pos {
            line: 2,
            column: 11,
        }; // the `s` of `session`
        assert_eq!(to_lsp(text, pos, Encoding::Utf16), Position::new(1, 11));
        assert_eq!(to_lsp(text, pos, Encoding::Utf8), Position::new(1, 14));
        assert_eq!(
            to_lsp(text, Pos { line: 1, column: 1 }, Encoding::Utf16),
            Position::new(0, 0)
        );
    }

    #[test]
    fn out_of_range_positions_are_clamped() {
        let text = "ab\n";
        assert_eq!(
            to_lsp(
                text,
                Pos {
                    line: 1,
                    column: 40
                },
                Encoding::Utf16
            ),
            Position::new(0, 2)
        );
        assert_eq!(
            to_lsp(text, Pos { line: 9, column: 3 }, Encoding::Utf16),
            Position::new(8, 0)
        );
    }
}
