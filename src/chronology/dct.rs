//! The document creation time checked against the text: an article that
//! says `اليوم الاثنين` ("today, Monday") was written on a Monday, whatever
//! day its crawl date is. A crawl date is "on or shortly after" the
//! writing, so the stated weekday moves the DCT back to the latest such
//! day at most six days before it.

use chrono::{Datelike, NaiveDateTime, Weekday};

use crate::lexicon::fold_char;

/// Where in the text a stated weekday is looked for: the lead, where
/// agencies write `today (Monday)`; later mentions may quote other days.
const LEAD_CHARS: usize = 800;

/// Words for "today" (folded by character, articles kept).
const TODAY: [&str; 3] = ["امروز", "الیوم", "today"];

/// Weekday words (folded by character) and their days.
const WEEKDAYS: [(&str, Weekday); 21] = [
    ("شنبه", Weekday::Sat),
    ("یکشنبه", Weekday::Sun),
    ("دوشنبه", Weekday::Mon),
    ("سهشنبه", Weekday::Tue),
    ("چهارشنبه", Weekday::Wed),
    ("پنجشنبه", Weekday::Thu),
    ("جمعه", Weekday::Fri),
    ("السبت", Weekday::Sat),
    ("الاحد", Weekday::Sun),
    ("الاثنین", Weekday::Mon),
    ("الثلاثا", Weekday::Tue),
    ("الاربعا", Weekday::Wed),
    ("الخمیس", Weekday::Thu),
    ("الجمعه", Weekday::Fri),
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// The weekday a text's lead says "today" is, if it says one.
pub fn stated_weekday(text: &str) -> Option<Weekday> {
    let lead: String = text.chars().take(LEAD_CHARS).collect();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in lead.chars() {
        match fold_char(c) {
            // ZWNJ and other joiners fold to nothing: `سه‌شنبه` is one word.
            None => {}
            Some(f) if f.is_alphanumeric() => word.extend(f.to_lowercase()),
            Some(_) if !word.is_empty() => words.push(std::mem::take(&mut word)),
            Some(_) => {}
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    let weekday = |w: &str| {
        let w = w.trim_end_matches('ء');
        WEEKDAYS.iter().find(|(name, _)| *name == w).map(|&(_, d)| d)
    };
    for (i, w) in words.iter().enumerate() {
        if !TODAY.contains(&w.as_str()) {
            continue;
        }
        let next = words.get(i + 1).map(String::as_str).unwrap_or("");
        let pair = format!("{next}{}", words.get(i + 2).map(String::as_str).unwrap_or(""));
        // `سه شنبه` written as two words.
        if let Some(d) = weekday(&pair).filter(|_| next == "سه" || next == "یک" || next == "دو") {
            return Some(d);
        }
        if let Some(d) = weekday(next) {
            return Some(d);
        }
    }
    None
}

/// The DCT the text supports: `dct` itself when the lead states no weekday
/// or the same one, else the latest day before it with the stated weekday
/// (same time of day). None when they agree or nothing is stated.
pub fn corrected_dct(text: &str, dct: NaiveDateTime) -> Option<NaiveDateTime> {
    let stated = stated_weekday(text)?;
    let back = (7 + dct.weekday().num_days_from_monday() - stated.num_days_from_monday()) % 7;
    (back != 0).then(|| dct - chrono::Duration::days(i64::from(back)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(d: &str) -> NaiveDateTime {
        format!("{d}T00:00:00").parse().expect("test date")
    }

    #[test]
    fn the_lead_states_the_weekday() {
        assert_eq!(
            stated_weekday("قتل 14 جنديا اليوم (الاثنين) في شرق البلاد"),
            Some(Weekday::Mon)
        );
        assert_eq!(stated_weekday("امروز سه‌شنبه نشست برگزار شد"), Some(Weekday::Tue));
        assert_eq!(stated_weekday("امروز سه شنبه نشست برگزار شد"), Some(Weekday::Tue));
        assert_eq!(
            stated_weekday("Talks resumed today, Thursday, in Vienna."),
            Some(Weekday::Thu)
        );
        assert_eq!(stated_weekday("أعلن اليوم عن افتتاح المعرض"), None);
        assert_eq!(stated_weekday("وقال يوم الاثنين إن المحادثات"), None);
    }

    #[test]
    fn a_crawl_date_moves_back_to_the_stated_day() {
        // Crawled on Wednesday 22 July 2015; the text says today is Monday.
        let text = "قال مسؤولون اليوم الاثنين إن القوات انسحبت.";
        assert_eq!(corrected_dct(text, at("2015-07-22")), Some(at("2015-07-20")));
        assert_eq!(corrected_dct(text, at("2015-07-20")), None);
        assert_eq!(corrected_dct("No weekday here.", at("2015-07-22")), None);
    }
}
