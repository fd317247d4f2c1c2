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
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // Inside «...» (a quoted programme name, a short quote) a '.' does not end
    // the sentence; a line break or a long quote resets this.
    let mut quote_open: Option<usize> = None;
    while i < chars.len() {
        let c = chars[i];
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
            let next = chars.get(i + 1).copied();
            let prev = if i > 0 { Some(chars[i - 1]) } else { None };
            let prev2 = if i > 1 { Some(chars[i - 2]) } else { None };
            let followed_by_space = next.is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '”' | '»' | ')'));
            let initialism = prev.is_some_and(|p| p.is_uppercase()) && prev2.is_none_or(|p| !p.is_alphabetic());
            followed_by_space && !initialism
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
            push(&chars, start, end, &mut out);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    push(&chars, start, chars.len(), &mut out);
    out
}

fn push(chars: &[char], mut start: usize, mut end: usize, out: &mut Vec<Sentence>) {
    while start < end && chars[start].is_whitespace() {
        start += 1;
    }
    while end > start && chars[end - 1].is_whitespace() {
        end -= 1;
    }
    if start < end {
        out.push(Sentence { start, end, text: chars[start..end].iter().collect() });
    }
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
        assert_eq!(texts, ["Talks began.", "Did they end?", "نشست برگزار شد؟", "اجتماع عقد.", "New line"]);
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
    fn keeps_numbers_and_initialisms() {
        let s = segment("The U.S. said 1.5 million. Done");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].text, "The U.S. said 1.5 million.");
    }
}
