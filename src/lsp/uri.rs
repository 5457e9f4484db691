//! `file://` URIs ↔ paths, percent-encoding included (lsp-types 0.97 has a
//! plain URI type with no file-path conversion).

use lsp_types::Uri;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The local path of a `file://` URI; None for other schemes.
pub fn to_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    // `file://host/path`: only an empty host or localhost is local.
    let path = match rest.find('/') {
        Some(0) => rest,
        Some(at) if &rest[..at] == "localhost" => &rest[at..],
        _ => return None,
    };
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%')
            .then(|| path.get(i + 1..i + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(hex, 16).ok());
        match escaped {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok().map(PathBuf::from)
}

/// The `file://` URI of an absolute path.
pub fn from_path(path: &Path) -> Option<Uri> {
    let mut text = String::from("file://");
    for byte in path.to_str()?.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            text.push(byte as char);
        } else {
            text.push_str(&format!("%{byte:02X}"));
        }
    }
    Uri::from_str(&text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_spaces_and_non_ascii() {
        let path = Path::new("/tmp/my app/café.py");
        let uri = from_path(path).expect("a valid URI");
        assert_eq!(uri.as_str(), "file:///tmp/my%20app/caf%C3%A9.py");
        assert_eq!(to_path(&uri).as_deref(), Some(path));
    }

    #[test]
    fn other_schemes_and_hosts_are_not_files() {
        let http = Uri::from_str("https://example.com/a.py").expect("a valid URI");
        assert_eq!(to_path(&http), None);
        let remote = Uri::from_str("file://server/share/a.py").expect("a valid URI");
        assert_eq!(to_path(&remote), None);
        let local = Uri::from_str("file://localhost/a.py").expect("a valid URI");
        assert_eq!(to_path(&local).as_deref(), Some(Path::new("/a.py")));
    }
}
