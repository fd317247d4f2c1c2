//! Sentence segmentation for Persian, Arabic and English news text.

/// One sentence of a document; offsets are code points into the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Code-point offset of the first (non-space) character.
    pub start: usize,
    /// Code-point offset one past the last character.
    pub end: usize,
    /// The trimmed sentence text.
    pub text: String,
}

/// Characters that always end a sentence.
fn is_hard_stop(c: char) -> bool {
    matches!(c, '\n' | '\r' | '?' | '!' | '؟' | '۔' | '。' | '\u{2029}')
}

/// Splits `text` into sentences at `.`, `?`, `!`, `؟`, `۔` and newlines.
///
/// A `.` ends a sentence only when followed by a space or the end and not
/// part of a number (`1.5`) or an initialism (`U.S.`). Closing quotes and
/// brackets right after the stop stay with the sentence. Empty sentences
/// are dropped.
pub fn segment(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    // News sentences are rarely shorter than this many bytes.
    let mut out = Vec::with_capacity(text.len() / 64 + 1);
    // Sentence start as (code point, byte) offsets.
    let mut start = (0, 0);
    // Code-point offset `i` of byte offset `counted`, advanced lazily.
    let (mut i, mut counted) = (0, 0);
    let mut b = 0;
    // Inside «...» (a quoted programme name, a short quote) a '.' does not end
    // the sentence; a line break or a long quote resets this.
    let mut quote_open: Option<usize> = None;
    while let Some(at) = next_special(text, b) {
        b = at;
        let Some(c) = text.get(b..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        let len = c.len_utf8();
        i += count_chars(&bytes[counted..b]);
        counted = b;
        match c {
            '«' => quote_open = Some(i),
            '»' => quote_open = None,
            '\n' => quote_open = None,
            _ => {}
        }
        let in_short_quote = quote_open.is_some_and(|q| i - q < 120);
        let ends = if is_hard_stop(c) {
            c == '\n' || c == '\r' || !in_short_quote
        } else if c == '.' && in_short_quote {
            false
        } else if c == '.' {
            let next = text[b + len..].chars().next();
            let mut before = text[..b].chars().rev();
            let (prev, prev2) = (before.next(), before.next());
            let followed_by_space = next.is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '”' | '»' | ')'));
            let initialism = prev.is_some_and(|p| p.is_uppercase()) && prev2.is_none_or(|p| !p.is_alphabetic());
            followed_by_space && !initialism
        } else {
            false
        };
        b += len;
        if ends {
            if c != '\n' && c != '\r' {
                while let Some(q) = text[b..]
                    .chars()
                    .next()
                    .filter(|q| matches!(q, '"' | '”' | '»' | ')' | '’' | '\''))
                {
                    b += q.len_utf8();
                }
            }
            i += count_chars(&bytes[counted..b]);
            counted = b;
            push(text, start, (i, b), &mut out);
            start = (i, b);
        }
    }
    i += count_chars(&bytes[counted..]);
    push(text, start, (i, bytes.len()), &mut out);
    out
}

/// Number of UTF-8 encoded characters in `bytes` (those not continuation bytes).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&x| (x as i8) >= -0x40).count()
}

/// Byte offset of the first character at or after byte `from` that
/// [`segment`] looks at: `.`, a hard stop ([`is_hard_stop`]) or a guillemet.
fn next_special(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let at = |k: usize| bytes.get(k).copied();
    let mut b = from;
    loop {
        b += bytes.get(b..)?.iter().position(|&x| SCAN[x as usize])?;
        // `from` is a character boundary, so a continuation byte is never at `from`.
        let hit = match bytes[b] {
            0xC2 => matches!(at(b + 1), Some(0xAB | 0xBB)).then_some(b),
            0x9F => (b > from && bytes[b - 1] == 0xD8).then(|| b - 1),
            0x94 => (b > from && bytes[b - 1] == 0xDB).then(|| b - 1),
            0xE2 => (at(b + 1) == Some(0x80) && at(b + 2) == Some(0xA9)).then_some(b),
            0xE3 => (at(b + 1) == Some(0x80) && at(b + 2) == Some(0x82)).then_some(b),
            _ => Some(b),
        };
        if hit.is_some() {
            return hit;
        }
        b += 1;
    }
}

/// Bytes that point at a character [`next_special`] finds: the ASCII ones
/// ('.', '\n', '\r', '?', '!'), the lead byte of '«' and '»' (C2 AB, C2 BB),
/// of U+2029 (E2 80 A9) and '。' (E3 80 82), and the second byte of '؟'
/// (D8 9F) and '۔' (DB 94), whose lead bytes are those of common letters.
static SCAN: [bool; 256] = {
    let mut t = [false; 256];
    let marked = [b'.', b'\n', b'\r', b'?', b'!', 0xC2, 0xE2, 0xE3, 0x9F, 0x94];
    let mut k = 0;
    while k < marked.len() {
        t[marked[k] as usize] = true;
        k += 1;
    }
    t
};

/// Adds the trimmed sentence between two (code point, byte) offsets, if any.
fn push(text: &str, start: (usize, usize), end: (usize, usize), out: &mut Vec<Sentence>) {
    let raw = &text[start.1..end.1];
    let head = raw.trim_start();
    let lead = raw[..raw.len() - head.len()].chars().count();
    let body = head.trim_end();
    if body.is_empty() {
        return;
    }
    let trail = head[body.len()..].chars().count();
    out.push(Sentence {
        start: start.0 + lead,
        end: end.0 - trail,
        text: body.to_owned(),
    });
}

/// Index of the sentence containing code-point offset `pos` (sentences sorted).
pub fn sentence_at(sentences: &[Sentence], pos: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= pos);
    (i < sentences.len() && sentences[i].start <= pos).then_some(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_on_every_stop() {
        let s = segment("Talks began. Did they end? نشست برگزار شد؟ اجتماع عقد.\nNew line");
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Talks began.",
                "Did they end?",
                "نشست برگزار شد؟",
                "اجتماع عقد.",
                "New line"
            ]
        );
    }

    #[test]
    fn offsets_are_code_points() {
        let text = "ژنو. Geneva";
        let s = segment(text);
        assert_eq!(s.len(), 2);
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[s[1].start..s[1].end].iter().collect::<String>(), "Geneva");
        assert_eq!(sentence_at(&s, 1), Some(0));
        assert_eq!(sentence_at(&s, 4), None);
        assert_eq!(sentence_at(&s, 6), Some(1));
    }

    #[test]
    fn does_not_split_inside_short_guillemets() {
        let s = segment("او در برنامه «مسکو. کرملین. پوتین» گفت. بعد");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, "او در برنامه «مسکو. کرملین. پوتین» گفت.");
    }

    #[test]
    fn finds_exactly_the_special_characters() {
        for u in 0..0x11000u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let special = is_hard_stop(c) || matches!(c, '.' | '«' | '»');
            for (text, from, at) in [
                (format!("a{c}b"), 0, 1),
                (format!("{c}."), 0, 0),
                (format!("ثث{c}"), 2, 4),
            ] {
                let expected = if special {
                    Some(at)
                } else {
                    text[from..].find('.').map(|d| from + d)
                };
                assert_eq!(next_special(&text, from), expected, "U+{u:04X} in {text:?}");
            }
        }
    }

    #[test]
    fn keeps_numbers_and_initialisms() {
        let s = segment("The U.S. said 1.5 million. Done");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, "The U.S. said 1.5 million.");
    }

    /// The straightforward segmentation over a vector of characters.
    fn reference(text: &str) -> Vec<Sentence> {
        let chars: Vec<char> = text.chars().collect();
        let push = |mut start: usize, mut end: usize, out: &mut Vec<Sentence>| {
            while start < end && chars[start].is_whitespace() {
                start += 1;
            }
            while end > start && chars[end - 1].is_whitespace() {
                end -= 1;
            }
            if start < end {
                out.push(Sentence {
                    start,
                    end,
                    text: chars[start..end].iter().collect(),
                });
            }
        };
        let (mut out, mut start, mut i, mut quote_open) = (Vec::new(), 0, 0, None::<usize>);
        while i < chars.len() {
            let c = chars[i];
            match c {
                '«' => quote_open = Some(i),
                '»' | '\n' => quote_open = None,
                _ => {}
            }
            let in_short_quote = quote_open.is_some_and(|q| i - q < 120);
            let ends = if is_hard_stop(c) {
                c == '\n' || c == '\r' || !in_short_quote
            } else if c == '.' && !in_short_quote {
                let next = chars.get(i + 1).copied();
                let prev = i.checked_sub(1).map(|k| chars[k]);
                let prev2 = i.checked_sub(2).map(|k| chars[k]);
                next.is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '”' | '»' | ')'))
                    && !(prev.is_some_and(|p| p.is_uppercase()) && prev2.is_none_or(|p| !p.is_alphabetic()))
            } else {
                false
            };
            if ends {
                let mut end = i + 1;
                if c != '\n' && c != '\r' {
                    while end < chars.len() && matches!(chars[end], '"' | '”' | '»' | ')' | '’' | '\'') {
                        end += 1;
                    }
                }
                push(start, end, &mut out);
                start = end;
                i = end;
            } else {
                i += 1;
            }
        }
        push(start, chars.len(), &mut out);
        out
    }

    #[test]
    fn quote_window_agrees_with_reference() {
        for n in 110..130 {
            let text = format!("«{}. b» c. d", "a".repeat(n));
            assert_eq!(segment(&text), reference(&text), "{n}");
        }
    }

    proptest::proptest! {
        #[test]
        fn agrees_with_reference(s in "[aAbU .\\n\\r?!«»\"”)’'؟۔。\u{2029}\u{00A0}ثبپ1]{0,300}") {
            proptest::prop_assert_eq!(segment(&s), reference(&s));
        }
    }
}
