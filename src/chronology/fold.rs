//! Search folding: the normalization shared by the FTS index, the gazetteer
//! matcher and token overlap, so that `ناتو` finds `الناتو` and `ي`/`ی`,
//! Persian/Arabic digits, harakat, tatweel and ZWNJ do not matter.
//!
//! Queries against `sentence_fts` must go through [`search_terms`], as the
//! stored sentences do.
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
    is_word_char_in(&WORD_TABLE, c)
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
pub fn fold_for_matching(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Byte offset in `out` where the open word starts.
    let mut word: Option<usize> = None;
    for c in text.chars() {
        let entry = Fold::of(c);
        match entry.class {
            WORD => {
                word.get_or_insert(out.len());
                out.push(entry.folded);
            }
            OTHER => {
                flush_word(&mut out, &mut word);
                out.push(entry.folded);
            }
            BREAK => {
                flush_word(&mut out, &mut word);
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            _ => {}
        }
    }
    flush_word(&mut out, &mut word);
    out
}

/// What [`fold_for_matching`] does with a character: drops it, breaks words, or writes
/// its folded form as part of a word or as punctuation.
const DROP: u8 = 0;
const BREAK: u8 = 1;
const WORD: u8 = 2;
const OTHER: u8 = 3;

/// How [`fold_for_matching`] treats one character: its class and folded form.
#[derive(Copy, Clone)]
struct Fold {
    class: u8,
    folded: char,
}

impl Fold {
    /// The entry of `c`, from the table when it has one.
    #[inline]
    fn of(c: char) -> Fold {
        match FOLD_TABLE.get(c as usize) {
            Some(&e) => e,
            None => Fold::classify(c),
        }
    }

    fn classify(c: char) -> Fold {
        let (class, f) = if is_break(c) {
            (BREAK, c)
        } else {
            match fold_char(c) {
                None => (DROP, c),
                Some(f) if is_word_char(f) => (WORD, f),
                Some(f) => (OTHER, f),
            }
        };
        Fold { class, folded: f }
    }
}

/// [`Fold::classify`] of every code point below [`TABLE_END`] (ASCII,
/// Latin, Greek, Cyrillic, Hebrew, Arabic script).
static FOLD_TABLE: std::sync::LazyLock<Vec<Fold>> = std::sync::LazyLock::new(|| {
    (0..TABLE_END)
        .map(|u| Fold::classify(char::from_u32(u).unwrap_or('\0')))
        .collect()
});

/// Closes the word that starts at `word` in `out`, stripping an article prefix.
#[inline]
fn flush_word(out: &mut String, word: &mut Option<usize>) {
    let Some(start) = word.take() else { return };
    let strip = out.as_bytes().get(start..).map_or(0, article_len);
    if strip > 0 {
        out.drain(start..start + strip);
    }
}

/// Byte length of the article prefix [`fold_for_matching`] strips from word `w` (0 for none).
#[inline]
fn article_len(w: &[u8]) -> usize {
    // Every prefix starts with a byte D8 or D9 (Arabic letters).
    if !matches!(w.first(), Some(0xD8 | 0xD9)) {
        return 0;
    }
    for p in ARTICLE_PREFIXES {
        if let Some(rest) = w.strip_prefix(p.as_bytes()) {
            // Characters: the bytes that do not continue one.
            let chars = rest.iter().filter(|&&b| (b as i8) >= -0x40).count();
            return if chars >= 3 { p.len() } else { 0 };
        }
    }
    0
}

/// Whether [`fold_for_matching`] of `chars` has at least `n` [`content_tokens`], found
/// without writing the folded text and stopping at the `n`th.
/// `word` is a reused buffer.
pub(crate) fn folds_to_content_tokens(chars: impl Iterator<Item = char>, n: usize, word: &mut String) -> bool {
    let stop = &*STOP_WORDS;
    let mut found = 0;
    // The folded text's tokens are exactly the words `fold_for_matching` flushes.
    let mut close = |word: &mut String| {
        if !word.is_empty() {
            let w = word.get(article_len(word.as_bytes())..).unwrap_or_default();
            found += usize::from(is_content_word(w, stop));
            word.clear();
        }
        found >= n
    };
    word.clear();
    if n == 0 {
        return true;
    }
    for c in chars {
        let entry = Fold::of(c);
        match entry.class {
            WORD => word.push(entry.folded),
            OTHER | BREAK if close(word) => return true,
            _ => {}
        }
    }
    close(word)
}

/// [`is_word_char`] with the table already at hand: Latin, Greek,
/// Cyrillic, Hebrew and Arabic are answered by [`WORD_TABLE`], because the
/// general Unicode lookup is the hottest call of the analysis.
#[inline]
fn is_word_char_in(table: &[u64; (TABLE_END / 64) as usize], c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        c.is_ascii_alphanumeric()
    } else if u < TABLE_END {
        table[(u >> 6) as usize] >> (u & 63) & 1 == 1
    } else {
        c.is_alphanumeric()
    }
}

/// What the full-text index holds for a folded text: its words separated by
/// single spaces, every other character (punctuation in any script) dropped,
/// capitals of other scripts lowercased.
///
/// The index splits at ASCII spaces and punctuation only (FTS5's `ascii`
/// tokenizer): its `unicode61` tokenizer re-did, for every character of every
/// sentence, the classification the folding already did, and was the largest
/// single cost of ingest. Queries must go through the same function.
pub fn search_terms_of_folded(folded: &str) -> String {
    let table = &*WORD_TABLE;
    let mut out = String::with_capacity(folded.len());
    let mut gap = false;
    for c in folded.chars() {
        if !is_word_char_in(table, c) {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push(' ');
            gap = false;
        }
        // Arabic-script letters and ASCII (lowercased by the folding) have no case.
        if (c as u32) < 0x80 || ('\u{0600}'..='\u{06FF}').contains(&c) || !c.is_uppercase() {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// [`search_terms_of_folded`] of [`fold_for_matching`]: a search query or a stored sentence as the
/// full-text index holds it.
pub fn search_terms(text: &str) -> String {
    search_terms_of_folded(&fold_for_matching(text))
}

/// Words of a folded text that say what a sentence is about: no digits, no
/// short words, no stop words or month names (the date is compared apart).
pub fn content_tokens(folded: &str) -> Vec<&str> {
    content_token_iter(folded).collect()
}

/// The words of [`content_tokens`], without collecting them.
pub(crate) fn content_token_iter(folded: &str) -> impl Iterator<Item = &str> {
    let table = &*WORD_TABLE;
    let stop = &*STOP_WORDS;
    folded
        .split(move |c: char| !is_word_char_in(table, c))
        .filter(move |w| is_content_word(w, stop))
}

/// Whether `n` content tokens or more are in `folded`, stopping at the `n`th.
pub(crate) fn has_content_tokens(folded: &str, n: usize) -> bool {
    n == 0 || content_token_iter(folded).nth(n - 1).is_some()
}

#[inline]
fn is_content_word(w: &str, stop: &StopWords) -> bool {
    // Three characters take at least three bytes and at most twelve.
    let long_enough = w.len() >= 12 || (w.len() >= 3 && w.chars().count() >= 3);
    long_enough && !w.bytes().all(|b| b.is_ascii_digit()) && !(w.len() <= stop.longest && stop.set.contains(w))
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

/// The folded stop words, and the byte length of the longest (longer words need no lookup).
struct StopWords {
    set: std::collections::HashSet<Box<str>, foldhash::fast::FixedState>,
    longest: usize,
}

static STOP_WORDS: std::sync::LazyLock<StopWords> = std::sync::LazyLock::new(|| {
    let mut set: std::collections::HashSet<Box<str>, _> =
        std::collections::HashSet::with_hasher(foldhash::fast::FixedState::with_seed(0));
    set.extend(
        fold_for_matching(STOP_WORDS_RAW)
            .split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .map(Box::from),
    );
    let longest = set.iter().map(|w| w.len()).max().unwrap_or(0);
    StopWords { set, longest }
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_text_keeps_words_only() {
        for (folded, want) in [
            ("نشست «ناتو»، در ژنو؛ برگزار شد.", "نشست ناتو در ژنو برگزار شد"),
            ("talks in geneva (9-10 january)!", "talks in geneva 9 10 january"),
            ("Женева и ΑΘΗΝΑ", "женева и αθηνα"),
            ("«»،.", ""),
            ("", ""),
        ] {
            assert_eq!(search_terms_of_folded(folded), want, "{folded}");
        }
    }

    #[test]
    fn folds_arabic_variants_and_article() {
        assert_eq!(fold_for_matching("الناتو"), "ناتو");
        assert_eq!(fold_for_matching("وحلف شمال الأطلسي"), "وحلف شمال اطلسی");
        assert_eq!(fold_for_matching("كيف"), fold_for_matching("کیف"));
        assert_eq!(fold_for_matching("۱۴۰۰ و ١٤٤٣"), "1400 و 1443");
        assert_eq!(fold_for_matching("تضمین‌های  ما"), "تضمین های ما");
        assert_eq!(fold_for_matching("NATO Talks"), "nato talks");
        assert_eq!(fold_for_matching("ي ى ی"), "ی ی ی");
        assert_eq!(fold_for_matching("مُحَمَّد"), "محمد");
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
        assert_eq!(fold_for_matching("الله"), "الله");
    }

    /// The straightforward folding (a word buffer, articles stripped on flush).
    fn reference(text: &str) -> String {
        fn flush(out: &mut String, word: &mut String) {
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
        let (mut out, mut word) = (String::new(), String::new());
        for c in text.chars() {
            if is_break(c) {
                flush(&mut out, &mut word);
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
                continue;
            }
            let Some(f) = fold_char(c) else { continue };
            if is_word_char(f) {
                word.push(f);
            } else {
                flush(&mut out, &mut word);
                out.push(f);
            }
        }
        flush(&mut out, &mut word);
        out
    }

    fn reference_tokens(folded: &str) -> Vec<&str> {
        folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| {
                w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()) && !STOP_WORDS.set.contains(*w)
            })
            .collect()
    }

    const WORDS: [&str; 16] = [
        "the",
        "January",
        "Talks",
        "1400",
        "ab",
        "والناتو",
        "الله",
        "بالدوحة",
        "للمياه",
        "في",
        "در",
        "مُحَمَّد",
        "ژنو",
        "Ωmega",
        "كانون",
        "x1y",
    ];

    /// `fold_for_matching`, its content tokens and the early-stopping count against the references.
    fn agrees_with_reference(s: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let folded = fold_for_matching(s);
        proptest::prop_assert_eq!(&folded, &reference(s));
        proptest::prop_assert_eq!(content_tokens(&folded), reference_tokens(&folded));
        for n in 0..5 {
            proptest::prop_assert_eq!(
                folds_to_content_tokens(s.chars(), n, &mut String::new()),
                reference_tokens(&folded).len() >= n
            );
        }
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn fold_agrees_with_reference(s in "[a-zA-Z0-9 \\n\\t.,:!?«»'\"٠-٩۰-۹\u{0600}-\u{06FF}\u{200B}-\u{200F}\u{202A}\u{2066}\u{2029}\u{00A0}\u{00E9}\u{0410}\u{05D0}\u{3002}\u{FB50}\u{FEFF}\u{1F600}]{0,80}") {
            agrees_with_reference(&s)?;
        }

        #[test]
        fn words_agree_with_reference(words in proptest::collection::vec((proptest::sample::select(WORDS.to_vec()), proptest::sample::select(vec![" ", "\u{200C}", ", ", "-", ""])), 0..12)) {
            let s: String = words.iter().flat_map(|(w, sep)| [*w, *sep]).collect();
            agrees_with_reference(&s)?;
        }
    }
}
