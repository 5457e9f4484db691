//! A small deterministic mutator: a seeded generator (splitmix64) and the
//! edits hostile files are made of — byte flips, splices between files,
//! truncation, deep nesting, huge repeats, odd tokens and encodings. The same
//! seed gives the same inputs on every machine, so any finding is replayed
//! from its seed and iteration alone.

/// splitmix64: tiny, fast, and good enough to pick mutations.
pub struct Rng(u64);

impl Rng {
    /// The generator for one iteration of a campaign: every input is
    /// reproducible from (seed, iteration) without replaying the others.
    pub fn for_input(seed: u64, iteration: u64) -> Rng {
        let mut rng = Rng(seed ^ iteration.wrapping_mul(0xD6E8_FEB8_6659_FD93));
        rng.next();
        rng
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// True once in `n` times.
    pub fn one_in(&mut self, n: usize) -> bool {
        self.below(n) == 0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A size skewed towards small values, up to `max`: most edits are
    /// small, a few are huge.
    pub fn size(&mut self, max: usize) -> usize {
        let bits = self.below((usize::BITS - max.leading_zeros()) as usize + 1);
        let ceiling = 1usize.checked_shl(bits as u32).unwrap_or(usize::MAX);
        self.below(ceiling.min(max) + 1)
    }
}

/// What one surface's inputs are made of.
pub struct Grammar<'a> {
    /// Files to start from and splice in.
    pub corpus: &'a [Vec<u8>],
    /// Tokens that mean something to the surface's parser.
    pub tokens: &'a [&'a str],
    /// (open, close) pairs nested thousands deep.
    pub nests: &'a [(&'a str, &'a str)],
    /// Inputs are cut to this length.
    pub max_len: usize,
}

/// Bytes that matter to most parsers, used where a byte is replaced.
const INTERESTING: &[u8] = b"\0\n\r\t \"'`\\{}()[]<>:;,.=#/*$@%?!-+|&~^\x7f\x80\xc3\xe2\xef\xff";

/// One input: a file of the corpus with 1–8 stacked edits (mostly few:
/// an input broken everywhere only meets the first check).
pub fn mutate(rng: &mut Rng, g: &Grammar<'_>) -> Vec<u8> {
    let mut out = rng.pick(g.corpus).clone();
    for _ in 0..1 + rng.size(7) {
        edit(rng, g, &mut out);
        if out.len() > g.max_len {
            let cut = floor_char(&out, g.max_len);
            out.truncate(cut);
        }
    }
    out
}

fn edit(rng: &mut Rng, g: &Grammar<'_>, out: &mut Vec<u8>) {
    let at = rng.below(out.len() + 1);
    match rng.below(14) {
        // Flip a few bits, or replace bytes with ones parsers care about.
        0 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(out.len());
                if let Some(b) = out.get_mut(i) {
                    *b ^= 1 << rng.below(7);
                }
            }
        }
        1 => {
            for _ in 0..1 + rng.below(4) {
                let byte = if rng.one_in(8) {
                    rng.next() as u8
                } else {
                    *rng.pick(INTERESTING)
                };
                let i = rng.below(out.len());
                if let Some(b) = out.get_mut(i) {
                    *b = byte;
                }
            }
        }
        // Delete, duplicate or move a range.
        2 => {
            let len = rng.size(out.len() - at.min(out.len()));
            out.drain(at..at + len);
        }
        3 => {
            let (start, len) = range(rng, out);
            let copy = out[start..start + len].to_vec();
            let to = rng.below(out.len() + 1);
            out.splice(to..to, copy);
        }
        // Splice: a range of another file, or another file's tail.
        4 | 5 => {
            let other = rng.pick(g.corpus);
            let (start, len) = range(rng, other);
            let piece = &other[start..start + len];
            if rng.one_in(2) {
                out.splice(at..at, piece.iter().copied());
            } else {
                out.truncate(at);
                out.extend_from_slice(&other[start..]);
            }
        }
        // Truncate.
        6 => out.truncate(at),
        // A token of the surface's language, once or many times.
        7 | 8 => {
            let token = rng.pick(g.tokens).as_bytes();
            let times = if rng.one_in(4) {
                rng.size(2_000) + 1
            } else {
                1
            };
            let piece: Vec<u8> = token.repeat(times);
            out.splice(at..at, piece);
        }
        // Deep nesting: brackets, blocks, or indentation.
        9 => {
            let depth = rng.size(20_000) + 1;
            let (open, close) = *rng.pick(g.nests);
            let mut piece = open.repeat(depth).into_bytes();
            if rng.one_in(2) {
                let (start, len) = range(rng, out);
                piece.extend_from_slice(&out[start..start + len.min(200)]);
            }
            if !rng.one_in(4) {
                piece.extend_from_slice(close.repeat(depth).as_bytes());
            }
            out.splice(at..at, piece);
        }
        10 => {
            let depth = rng.size(1_000) + 1;
            let line = *rng.pick(g.tokens);
            let mut piece = Vec::new();
            for level in 0..depth {
                piece.extend(std::iter::repeat_n(b' ', level * (1 + rng.below(4))));
                piece.extend_from_slice(line.as_bytes());
                piece.push(b'\n');
            }
            let at = line_start(out, at);
            out.splice(at..at, piece);
        }
        // A huge repeat of one line (thousands of routes, annotations, ...).
        11 => {
            let start = line_start(out, at);
            let end = out[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(out.len(), |i| start + i + 1);
            let line = out[start..end].to_vec();
            let times = rng.size(g.max_len / line.len().max(1)).max(1);
            out.splice(end..end, line.repeat(times));
        }
        // Encodings: a BOM, CRLF line ends, a lone surrogate, invalid UTF-8.
        12 => {
            let piece: &[u8] = match rng.below(5) {
                0 => b"\xef\xbb\xbf",
                1 => b"\xed\xa0\x80",
                2 => b"\xff\xfe",
                3 => b"\r",
                _ => "\u{202e}\u{1F600}\u{0301}".as_bytes(),
            };
            out.splice(at..at, piece.iter().copied());
        }
        // Swap two lines.
        _ => {
            let a = line_start(out, rng.below(out.len() + 1));
            let b = line_start(out, rng.below(out.len() + 1));
            let (a, b) = (a.min(b), a.max(b));
            if a < b {
                let rest = out.split_off(b);
                let mid = out.split_off(a);
                out.extend_from_slice(&rest);
                out.extend_from_slice(&mid);
            }
        }
    }
}

/// A random range of `bytes`: (start, length), possibly empty.
fn range(rng: &mut Rng, bytes: &[u8]) -> (usize, usize) {
    let start = rng.below(bytes.len() + 1);
    let len = rng.size(bytes.len() - start);
    (start, len)
}

/// Where the line holding byte `at` starts.
fn line_start(bytes: &[u8], at: usize) -> usize {
    let at = at.min(bytes.len());
    bytes[..at]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)
}

/// The largest length at most `max` that does not cut a UTF-8 character
/// (a cut character would make every long input "not UTF-8").
fn floor_char(bytes: &[u8], max: usize) -> usize {
    let mut cut = max.min(bytes.len());
    while cut > 0 && cut < bytes.len() && (bytes[cut] & 0xC0) == 0x80 {
        cut -= 1;
    }
    cut
}
