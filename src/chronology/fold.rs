//! Search folding: the normalization shared by the FTS index, the gazetteer
//! matcher and token overlap, so that `ناتو` finds `الناتو` and `ي`/`ی`,
//! Persian/Arabic digits, harakat, tatweel and ZWNJ do not matter.
//!
//! Queries against `sentence_fts` must be folded with [`fold`] too.
//!
//! Characters are folded by [`crate::lexicon::fold_char`] (the extractor's
//! normalizer); on top of it words lose the Arabic article, and white space,
//! ZWNJ and bidi marks become one space.

use crate::lexicon::{fold_char, is_break};

/// Clitic (و، ب، ل) + article prefixes stripped from the start of Arabic-script tokens.
/// Longest first. Only stripped when at least three letters remain.
const ARTICLE_PREFIXES: [&str; 4] = ["وال", "بال", "لل", "ال"];

/// True for characters that belong to words (letters, digits, combining marks).
#[inline]
pub fn is_word_char(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        c.is_ascii_alphanumeric()
    } else if u < TABLE_END {
        // Latin, Greek, Cyrillic, Hebrew and Arabic: a table, because the
        // general Unicode lookup is the hottest call of the analysis.
        WORD_TABLE[(u >> 6) as usize] >> (u & 63) & 1 == 1
    } else {
        c.is_alphanumeric()
    }
}

/// Code points below this are answered by [`WORD_TABLE`].
const TABLE_END: u32 = 0x800;

/// `char::is_alphanumeric` of every code point below [`TABLE_END`], one bit each.
static WORD_TABLE: std::sync::LazyLock<[u64; (TABLE_END / 64) as usize]> = std::sync::LazyLock::new(|| {
    let mut t = [0u64; (TABLE_END / 64) as usize];
    for u in 0..TABLE_END {
        if char::from_u32(u).is_some_and(char::is_alphanumeric) {
            t[(u >> 6) as usize] |= 1 << (u & 63);
        }
    }
    t
});

/// Folds `text` for matching and search.
///
/// Letter variants, digits, harakat and tatweel are normalized, Latin letters
/// lowercased, and the Arabic definite article (with a leading clitic
/// و/ب/ف/ک/ل) removed from words. Punctuation is kept, so word boundaries
/// survive; breaks (spaces, ZWNJ) become single spaces.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for c in text.chars() {
        if is_break(c) {
            flush_word(&mut out, &mut word);
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        let Some(f) = fold_char(c) else { continue };
        if is_word_char(f) {
            word.push(f);
        } else {
            flush_word(&mut out, &mut word);
            out.push(f);
        }
    }
    flush_word(&mut out, &mut word);
    out
}

fn flush_word(out: &mut String, word: &mut String) {
    if word.is_empty() {
        return;
    }
    let mut w: &str = word;
    for p in ARTICLE_PREFIXES {
        if let Some(rest) = w.strip_prefix(p) {
            if rest.chars().count() >= 3 {
                w = rest;
            }
            break;
        }
    }
    out.push_str(w);
    word.clear();
}

/// Words of a folded text that say what a sentence is about: no digits, no
/// short words, no stop words or month names (the date is compared apart).
pub fn content_tokens(folded: &str) -> Vec<&str> {
    folded
        .split(|c: char| !is_word_char(c))
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()) && !is_stop_word(w))
        .collect()
}

fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.contains(w)
}

/// Stop words and month names of the three languages, as written; folded on
/// first use so the list can stay readable.
const STOP_WORDS_RAW: &str = "\
the and for with that this from was were are has have had will would said says about after before \
over into their they them its his her our not but which who also been being than then there when \
january february march april may june july august september october november december \
monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week month year \
این آن که را با در به از برای تا هم نیز یک های ها است بود شد شده خواهد کرد کرده می داد گفت \
ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر \
فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند ماه روز سال هفته امروز دیروز \
شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه جمعه اوایل اواسط اواخر گذشته آینده \
في من على إلى الى عن مع هذا هذه ذلك التي الذي أن إن كان قال وقال حول بين بشأن منذ قبل بعد \
يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر \
كانون الثاني شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين الأول اليوم أمس غدا العام الشهر \
محرم صفر ربيع جمادى رجب شعبان رمضان شوال القعدة الحجة";

static STOP_WORDS: std::sync::LazyLock<std::collections::HashSet<String>> = std::sync::LazyLock::new(|| {
    fold(STOP_WORDS_RAW).split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()).map(str::to_owned).collect()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_arabic_variants_and_article() {
        assert_eq!(fold("الناتو"), "ناتو");
        assert_eq!(fold("وحلف شمال الأطلسي"), "وحلف شمال اطلسی");
        assert_eq!(fold("كيف"), fold("کیف"));
        assert_eq!(fold("۱۴۰۰ و ١٤٤٣"), "1400 و 1443");
        assert_eq!(fold("تضمین‌های  ما"), "تضمین های ما");
        assert_eq!(fold("NATO Talks"), "nato talks");
        assert_eq!(fold("ي ى ی"), "ی ی ی");
        assert_eq!(fold("مُحَمَّد"), "محمد");
    }

    #[test]
    fn word_chars_match_unicode() {
        for u in 0..0x3000u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_word_char(c), c.is_alphanumeric(), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn keeps_short_words_with_al() {
        // Stripping would leave fewer than three letters.
        assert_eq!(fold("الله"), "الله");
    }
}
