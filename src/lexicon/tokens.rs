//! Splits text into folded tokens that remember where they came from.

use super::{fold_char, is_break};

/// What separates a token from the one before it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Gap {
    /// Nothing: the tokens touch (`۱۳۸۷ساعت`, `2022ء`, `روسیه۱`).
    None,
    /// A ZWNJ or ZWJ only (`دی‌ماه`, `می‌رود`).
    Zwnj,
    /// White space on one line.
    Space,
    /// A line break.
    Line,
}

/// The shape of a token.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum TokKind {
    /// Letters.
    Word,
    /// ASCII digits after folding; `value` saturates, `digits` counts them.
    Num { value: u32, digits: u8 },
    /// One punctuation or symbol character.
    Punct(char),
}

/// One token: its folded text lives in the buffer [`tokenize`] filled.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Code-point offset in the original text.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    pub kind: TokKind,
    /// Byte range of the folded text in the buffer.
    pub folded: (u32, u32),
    pub gap: Gap,
    /// The original first letter was an ASCII capital.
    pub capital: bool,
}

impl Token {
    /// The folded text of this token.
    #[inline]
    pub fn text<'a>(&self, buf: &'a str) -> &'a str {
        &buf[self.folded.0 as usize..self.folded.1 as usize]
    }
}

/// `char::is_alphabetic` with the Arabic-script and ASCII answers inlined:
/// the general lookup dominated extraction time on Persian and Arabic text.
#[inline]
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}' => true,
        '\u{0000}'..='\u{007F}' | '\u{0600}'..='\u{06FF}' => false,
        _ => c.is_alphabetic(),
    }
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
}

/// Tokenizes `text` (whose first character is at code-point `base` of the
/// document) into `out`, writing folded token text into `buf`. Both are
/// cleared first so callers can reuse their allocations.
pub fn tokenize(text: &str, base: usize, buf: &mut String, out: &mut Vec<Token>) {
    buf.clear();
    out.clear();
    let mut gap = Gap::Line;
    let mut cur: Option<(Class, Token)> = None;
    let mut idx = base;
    for c in text.chars() {
        let pos = idx;
        idx += 1;
        if is_break(c) {
            if let Some((_, t)) = cur.take() {
                out.push(t);
            }
            gap = match (gap, c) {
                (_, '\n' | '\r' | '\u{2028}' | '\u{2029}') | (Gap::Line, _) => Gap::Line,
                (_, '\u{200C}' | '\u{200D}') if gap == Gap::None => Gap::Zwnj,
                (Gap::Zwnj, '\u{200C}' | '\u{200D}') => Gap::Zwnj,
                _ => Gap::Space,
            };
            continue;
        }
        let Some(f) = fold_char(c) else {
            // A dropped mark (harakat, tatweel) belongs to the current token.
            if let Some((_, t)) = cur.as_mut() {
                t.end = idx;
            }
            continue;
        };
        let class = if f.is_ascii_digit() {
            Some(Class::Digit)
        } else if is_letter(f) {
            Some(Class::Letter)
        } else {
            None
        };
        match (class, cur.as_mut()) {
            (Some(cl), Some((ccl, t))) if cl == *ccl => {
                buf.push(f);
                t.end = idx;
                t.folded.1 = buf.len() as u32;
                if let TokKind::Num { value, digits } = &mut t.kind {
                    *value = value.saturating_mul(10).saturating_add(f as u32 - '0' as u32);
                    *digits = digits.saturating_add(1);
                }
            }
            _ => {
                if let Some((_, t)) = cur.take() {
                    out.push(t);
                    gap = Gap::None;
                }
                let fs = buf.len() as u32;
                buf.push(f);
                let kind = match class {
                    Some(Class::Digit) => TokKind::Num { value: f as u32 - '0' as u32, digits: 1 },
                    Some(Class::Letter) => TokKind::Word,
                    None => TokKind::Punct(f),
                };
                let tok = Token { start: pos, end: idx, kind, folded: (fs, buf.len() as u32), gap, capital: c.is_ascii_uppercase() };
                gap = Gap::None;
                match class {
                    Some(cl) => cur = Some((cl, tok)),
                    None => out.push(tok),
                }
            }
        }
    }
    if let Some((_, t)) = cur.take() {
        out.push(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(String, TokKind, Gap)> {
        let (mut buf, mut out) = (String::new(), Vec::new());
        tokenize(s, 0, &mut buf, &mut out);
        out.iter().map(|t| (t.text(&buf).to_string(), t.kind, t.gap)).collect()
    }

    #[test]
    fn splits_digits_from_letters_and_keeps_spans() {
        let t = toks("۱۳۸۷ساعت 19:47");
        assert_eq!(t[0].1, TokKind::Num { value: 1387, digits: 4 });
        assert_eq!(t[1].0, "ساعت");
        assert_eq!(t[1].2, Gap::None);
        assert_eq!(t[2].1, TokKind::Num { value: 19, digits: 2 });
        assert_eq!(t[3].1, TokKind::Punct(':'));
    }

    #[test]
    fn fast_letter_test_agrees_with_unicode() {
        let bad: Vec<String> = ('\u{0}'..='\u{07FF}')
            .chain('\u{FB50}'..='\u{FEFF}')
            .filter_map(super::super::fold_char)
            .filter(|&f| is_letter(f) != f.is_alphabetic())
            .map(|f| format!("U+{:04X}", f as u32))
            .collect();
        assert!(bad.is_empty(), "{bad:?}");
    }

    #[test]
    fn zwnj_is_a_gap_of_its_own() {
        let t = toks("دی‌ماه می‌رود");
        assert_eq!(t.len(), 4);
        assert_eq!(t[1].2, Gap::Zwnj);
        assert_eq!(t[2].2, Gap::Space);
    }

    #[test]
    fn spans_are_code_points() {
        let (mut buf, mut out) = (String::new(), Vec::new());
        let s = "دوشنبه ۲۰ دی";
        tokenize(s, 10, &mut buf, &mut out);
        let chars: Vec<char> = s.chars().collect();
        let t = out[1];
        assert_eq!(chars[t.start - 10..t.end - 10].iter().collect::<String>(), "۲۰");
    }
}
