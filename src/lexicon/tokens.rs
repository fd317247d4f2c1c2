//! Splits text into folded tokens that remember where they came from.

use std::sync::LazyLock;

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
    Num {
        /// The number (saturating at `u32::MAX`).
        value: u32,
        /// How many digits were written (`0022` has 4): tells `22` from `2022`.
        digits: u8,
    },
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
    /// Word, number or punctuation.
    pub kind: TokKind,
    /// Byte range of the folded text in the buffer.
    pub folded: (u32, u32),
    /// What separates it from the token before.
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

/// What one character does in [`tokenize`], with its folded form.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Class {
    Letter = 1,
    Digit,
    Punct,
    /// Harakat, tatweel: belongs to the token before it.
    Drop,
    Break,
}

/// A character's class and folded form.
#[derive(Copy, Clone)]
struct Info {
    folded: char,
    class: u8,
    /// A letter that folds to itself: a run of them is copied as it is.
    verbatim: bool,
}

impl Info {
    fn new(class: Class, c: char, folded: char) -> Info {
        Info {
            folded,
            class: class as u8,
            verbatim: class == Class::Letter && c == folded,
        }
    }
}

const LETTER: u8 = Class::Letter as u8;
const DIGIT: u8 = Class::Digit as u8;
const PUNCT: u8 = Class::Punct as u8;
const DROP: u8 = Class::Drop as u8;

/// The class of any character, from [`is_break`], [`fold_char`] and [`is_letter`].
fn classify(c: char) -> Info {
    if is_break(c) {
        return Info::new(Class::Break, c, c);
    }
    match fold_char(c) {
        None => Info::new(Class::Drop, c, c),
        Some(f) if f.is_ascii_digit() => Info::new(Class::Digit, c, f),
        Some(f) if is_letter(f) => Info::new(Class::Letter, c, f),
        Some(f) => Info::new(Class::Punct, c, f),
    }
}

/// [`classify`] precomputed for ASCII (0..128) and U+0600..U+06FF (128..384),
/// the characters of nearly all input.
static TABLE: LazyLock<[Info; 384]> = LazyLock::new(|| {
    std::array::from_fn(|i| {
        let cp = if i < 128 { i as u32 } else { 0x600 + (i as u32 - 128) };
        classify(char::from_u32(cp).unwrap_or('\u{FFFD}'))
    })
});

/// The gap after a break character `c` following `gap`.
#[inline]
fn next_gap(gap: Gap, c: char) -> Gap {
    match (gap, c) {
        (_, '\n' | '\r' | '\u{2028}' | '\u{2029}') | (Gap::Line, _) => Gap::Line,
        (_, '\u{200C}' | '\u{200D}') if gap == Gap::None => Gap::Zwnj,
        (Gap::Zwnj, '\u{200C}' | '\u{200D}') => Gap::Zwnj,
        _ => Gap::Space,
    }
}

/// Tokenizes `text` (whose first character is at code-point `base` of the
/// document) into `out`, writing folded token text into `buf`. Both are
/// cleared first so callers can reuse their allocations. Returns the number
/// of characters in `text`.
pub fn tokenize(text: &str, base: usize, buf: &mut String, out: &mut Vec<Token>) -> usize {
    buf.clear();
    out.clear();
    // folding never lengthens a character, so `buf` never grows past this
    buf.reserve(text.len());
    let table = &*TABLE;
    let bytes = text.as_bytes();
    let mut gap = Gap::Line;
    // the open token: class (LETTER, DIGIT, or 0 = none) and its fields so far
    let mut cur: u8 = 0;
    let mut cur_tok = Token {
        start: 0,
        end: 0,
        kind: TokKind::Word,
        folded: (0, 0),
        gap: Gap::Line,
        capital: false,
    };
    let (mut value, mut digits) = (0u32, 0u8);
    // in a word, the bytes of `text` from here to `b` still to be copied to `buf` as they are
    let mut copy_from = 0usize;
    let mut idx = base;
    let mut b = 0usize;
    while b < bytes.len() {
        if cur == LETTER {
            // the common case: a run of letters that fold to themselves
            loop {
                match bytes.get(b) {
                    Some(&lead) if lead < 0x80 && table[lead as usize].verbatim => b += 1,
                    Some(&lead) if (0xD8..=0xDB).contains(&lead) => match bytes.get(b + 1) {
                        Some(&next) if table[((lead as usize & 0x03) << 6 | (next as usize & 0x3F)) + 128].verbatim => {
                            b += 2
                        }
                        _ => break,
                    },
                    _ => break,
                }
                idx += 1;
            }
            buf.push_str(&text[copy_from..b]);
            copy_from = b;
            if b == bytes.len() {
                break;
            }
        }
        let char_start = b;
        let lead = bytes[b];
        let (c, info) = if lead < 0x80 {
            b += 1;
            (lead as char, table[lead as usize])
        } else if (0xD8..=0xDB).contains(&lead) && b + 1 < bytes.len() {
            // two-byte U+0600..U+06FF
            let cp = ((lead as usize & 0x1F) << 6) | (bytes[b + 1] as usize & 0x3F);
            b += 2;
            let info = table[cp - 0x600 + 128];
            (info.folded, info)
        } else {
            let Some(c) = text[b..].chars().next() else { break };
            b += c.len_utf8();
            (c, classify(c))
        };
        copy_from = b;
        let pos = idx;
        idx += 1;
        let class = info.class;
        if class == cur && cur != 0 {
            let f = info.folded;
            buf.push(f);
            if cur == DIGIT {
                value = value.saturating_mul(10).saturating_add(f as u32 - '0' as u32);
                digits = digits.saturating_add(1);
            }
            continue;
        }
        if class == DROP {
            continue;
        }
        if cur != 0 {
            cur_tok.end = pos;
            cur_tok.folded.1 = buf.len() as u32;
            if cur == DIGIT {
                cur_tok.kind = TokKind::Num { value, digits };
            }
            out.push(cur_tok);
            cur = 0;
            gap = Gap::None;
        }
        if class > DROP {
            gap = next_gap(gap, c);
            continue;
        }
        let f = info.folded;
        let fs = buf.len() as u32;
        let capital = c.is_ascii_uppercase();
        if class == LETTER && info.verbatim {
            // copied with the rest of the run
            copy_from = char_start;
        } else {
            buf.push(f);
        }
        if class == PUNCT {
            out.push(Token {
                start: pos,
                end: idx,
                kind: TokKind::Punct(f),
                folded: (fs, buf.len() as u32),
                gap,
                capital,
            });
        } else {
            cur = class;
            cur_tok = Token {
                start: pos,
                end: idx,
                kind: TokKind::Word,
                folded: (fs, 0),
                gap,
                capital,
            };
            if class == DIGIT {
                value = f as u32 - '0' as u32;
                digits = 1;
            }
        }
        gap = Gap::None;
    }
    if cur != 0 {
        if cur == LETTER {
            buf.push_str(&text[copy_from..b]);
        }
        cur_tok.end = idx;
        cur_tok.folded.1 = buf.len() as u32;
        if cur == DIGIT {
            cur_tok.kind = TokKind::Num { value, digits };
        }
        out.push(cur_tok);
    }
    idx - base
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Copy, Clone, PartialEq, Eq)]
    enum Cl {
        Letter,
        Digit,
    }

    /// The straightforward char-by-char tokenizer the fast one must agree with.
    fn reference(text: &str, base: usize, buf: &mut String, out: &mut Vec<Token>) {
        buf.clear();
        out.clear();
        let mut gap = Gap::Line;
        let mut cur: Option<(Cl, Token)> = None;
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
                Some(Cl::Digit)
            } else if is_letter(f) {
                Some(Cl::Letter)
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
                        Some(Cl::Digit) => TokKind::Num {
                            value: f as u32 - '0' as u32,
                            digits: 1,
                        },
                        Some(Cl::Letter) => TokKind::Word,
                        None => TokKind::Punct(f),
                    };
                    let tok = Token {
                        start: pos,
                        end: idx,
                        kind,
                        folded: (fs, buf.len() as u32),
                        gap,
                        capital: c.is_ascii_uppercase(),
                    };
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

    proptest::proptest! {
        #[test]
        fn agrees_with_reference(s in "[a-zA-Z0-9 \\n\\t.,:/\\-٠-٩۰-۹\u{0600}-\u{06FF}\u{200B}-\u{200F}\u{202A}\u{2066}\u{00A0}\u{00E9}\u{0410}\u{FB50}\u{FEFF}\u{1F600}]{0,40}", base in 0usize..5) {
            let (mut b1, mut o1, mut b2, mut o2) = (String::new(), Vec::new(), String::new(), Vec::new());
            let n = tokenize(&s, base, &mut b1, &mut o1);
            reference(&s, base, &mut b2, &mut o2);
            proptest::prop_assert_eq!(n, s.chars().count());
            proptest::prop_assert_eq!(&b1, &b2);
            proptest::prop_assert_eq!(o1, o2);
        }
    }

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
