//! Lines that are not statements of news: navigation, related-news rails,
//! publication stamps, bylines, captions. They never date an event nor
//! join one.
//!
//! Some are known by their words (`data/boilerplate.tsv`); most are found
//! from the data: a sentence that repeats word for word a sentence of an
//! earlier page of the same outlet is the outlet's furniture, not news (one
//! outlet's pages otherwise share a navigation line and the date read from
//! its name, and become one event).

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::sync::LazyLock;

use super::AnalyzedSentence;
use super::fold::{content_token_iter, fold_for_matching, is_word_char};

type Hasher = foldhash::fast::FixedState;
const HASHER: Hasher = foldhash::fast::FixedState::with_seed(0x6b6c_7472);

/// The folded prefixes, whole lines and name words of `data/boilerplate.tsv`.
struct Known {
    prefixes: Vec<String>,
    lines: HashSet<String>,
    names: HashSet<String>,
    names_after: HashSet<String>,
}

static KNOWN: LazyLock<Known> = LazyLock::new(|| {
    let mut known = Known {
        prefixes: Vec::new(),
        lines: HashSet::new(),
        names: HashSet::new(),
        names_after: HashSet::new(),
    };
    for line in include_str!("../../data/boilerplate.tsv").lines() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let Some((kind, text)) = line.split_once('\t') else {
            continue;
        };
        let folded = squeeze(&fold_for_matching(text.trim()));
        if folded.is_empty() {
            continue;
        }
        match kind.trim() {
            "prefix" => known.prefixes.push(folded),
            "line" => {
                known.lines.insert(folded);
            }
            "name" => {
                known.names.insert(folded);
            }
            "name_after" => {
                known.names_after.insert(folded);
            }
            _ => tracing::warn!("boilerplate.tsv: unknown kind {kind:?}"),
        }
    }
    known
});

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a sentence (raw and folded) is known boilerplate: a listed
/// prefix or line, or a byline (`name – place`: at most six words around a dash).
pub fn is_known_boilerplate(text: &str, folded: &str) -> bool {
    let known = &*KNOWN;
    let folded = folded.trim();
    if known.lines.contains(folded) || known.prefixes.iter().any(|p| folded.starts_with(p.as_str())) {
        return true;
    }
    let words = text.split_whitespace().count();
    words <= 6 && text.split_whitespace().any(|w| matches!(w, "–" | "—" | "-"))
}

/// Whether the word right before a date (the end of `before`, raw) or right
/// after it (the start of `after`) makes the date part of a name
/// (`ثورة 25 يناير`, `خیابان ۱۵ خرداد`, `the 6 October Bridge`).
pub fn date_in_name(before: &str, after: &str) -> bool {
    let (before, after) = (fold_for_matching(before), fold_for_matching(after));
    let words = |s: &str| {
        s.split(|c: char| !is_word_char(c))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let last = words(&before).pop();
    let first = words(&after).into_iter().next();
    last.is_some_and(|w| KNOWN.names.contains(&w)) || first.is_some_and(|w| KNOWN.names_after.contains(&w))
}

/// The key of a sentence for repetition: its words, digits included (a
/// bulletin written from one template each day is news, its navigation line
/// is not). None for a sentence without a content word.
fn line_key(folded: &str) -> Option<u64> {
    content_token_iter(folded).next()?;
    let mut key = String::with_capacity(folded.len());
    for w in folded.split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()) {
        key.push_str(w);
        key.push(' ');
    }
    Some(HASHER.hash_one(key))
}

/// The sentences seen in each outlet's pages, to find the repeated ones.
#[derive(Clone, Debug, Default)]
pub struct Boilerplate {
    /// (outlet, sentence key) of every sentence seen, with the page it was first seen on.
    seen: HashMap<(u64, u64), u64, Hasher>,
    /// Pages seen per outlet.
    pages: HashMap<u64, u32, Hasher>,
}

impl Boilerplate {
    /// Marks the sentences of one page of `source` that are boilerplate:
    /// known ([`is_known_boilerplate`]) or repeating a sentence of an earlier
    /// page of the same source. Then remembers the page's sentences.
    /// Without a source only known boilerplate is marked. `page` identifies
    /// the page (a hash of its text), so marking the same page again (a
    /// retried write) finds the same lines.
    pub fn mark(&mut self, source: Option<&str>, page: u64, sentences: &[AnalyzedSentence]) -> Vec<bool> {
        let mut marked: Vec<bool> = sentences
            .iter()
            .map(|s| is_known_boilerplate(&s.sentence.text, &s.folded))
            .collect();
        let Some(source) = source.map(str::trim).filter(|s| !s.is_empty()) else {
            return marked;
        };
        let outlet = HASHER.hash_one(source);
        let keys: Vec<Option<u64>> = sentences.iter().map(|s| line_key(&s.folded)).collect();
        for (m, key) in marked.iter_mut().zip(&keys) {
            if let Some(k) = key {
                let first = *self.seen.entry((outlet, *k)).or_insert(page);
                *m |= first != page;
            }
        }
        *self.pages.entry(outlet).or_insert(0) += 1;
        marked
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chronology::analyze;

    #[test]
    fn known_lines_and_bylines() {
        for (text, want) in [
            ("Next Previous The minister arrived", true),
            ("تاريخ النشر: 24 يوليو 2015", true),
            ("عين اليوم – جدة", true),
            ("// انتهى //", true),
            ("The minister arrived in Jeddah on Monday to open the new port.", false),
            (
                "الرياض – أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المدينة.",
                false,
            ),
        ] {
            assert_eq!(is_known_boilerplate(text, &fold_for_matching(text)), want, "{text}");
        }
    }

    #[test]
    fn dates_inside_names() {
        assert!(date_in_name("تظاهرات في ذكرى ثورة ", " في القاهرة"));
        assert!(date_in_name("تجمع در خیابان ", " تهران"));
        assert!(date_in_name("traffic on the ", " Bridge was slow"));
        assert!(!date_in_name("the bridge opened on ", ", officials said"));
        assert!(!date_in_name("افتتح الجسر يوم ", " الماضي"));
        // A name word after a date in Arabic or Persian is the story's: `دشن اليوم الجسر`.
        assert!(!date_in_name("دشن السيسي ", " الجسر الجديد"));
        assert!(!date_in_name("تظاهرات ", " میدان التحریر"));
    }

    #[test]
    fn repeated_lines_of_one_outlet() {
        let mut b = Boilerplate::default();
        let page = |body: &str| analyze(&format!("صحيفة الغد اليومية للأخبار والرأي\n{body}"));
        let first = b.mark(Some("alghad"), 1, &page("افتتح الوزير الجسر الجديد في المدينة."));
        assert_eq!(first, [false, false]);
        let second = b.mark(Some("alghad"), 2, &page("ارتفعت أسعار الذهب في السوق المحلية."));
        assert_eq!(second, [true, false]);
        // The same page again (a retried write) is marked as the first time.
        assert_eq!(
            b.mark(Some("alghad"), 1, &page("افتتح الوزير الجسر الجديد في المدينة.")),
            [false, false]
        );
        // Another outlet's page with the same line: not yet its furniture.
        assert_eq!(b.mark(Some("other"), 3, &page("هطلت أمطار غزيرة.")), [false, false]);
        // Word for word, punctuation aside; a daily bulletin from one template is news.
        let mut b = Boilerplate::default();
        b.mark(Some("x"), 1, &analyze("Top stories from our desk, 24 July 2015"));
        assert_eq!(
            b.mark(Some("x"), 2, &analyze("Top stories from our desk 24 July 2015")),
            [true]
        );
        assert_eq!(
            b.mark(Some("x"), 3, &analyze("Top stories from our desk, 25 July 2015")),
            [false]
        );
        assert_eq!(
            b.mark(None, 4, &analyze("Top stories from our desk, 24 July 2015")),
            [false]
        );
    }
}
