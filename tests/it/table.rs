//! The runner shared by the construction tables (`grammar_*.rs`): each case is
//! `(name, text, dct, expected)`, where expected lists every mention as
//! `(exact text, value)`, in order; an empty list is a negative. A value is
//! followed by ` START`/` MID`/` END`/… when the mention carries that modifier,
//! and by ` conflict` when its readings disagree, so a test fails when either
//! appears or disappears.

use tarikh::extract::{Mention, Options, extract, parse_dct};
use tarikh::lexicon::Lang;

/// (name, text, document date, every mention expected as (exact text, value)).
pub type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

/// The value as the tables write it: the TIMEX3 value, its modifier, `conflict`.
fn render(m: &Mention) -> String {
    let mut s = m.value.clone();
    if let Some(md) = m.modifier {
        s.push(' ');
        s.push_str(&format!("{md:?}").to_uppercase());
    }
    if m.conflict.is_some() {
        s.push_str(" conflict");
    }
    s
}

/// Runs every case (language detected from the script) and fails listing each
/// case whose mentions differ from the table, modifiers and conflicts included.
pub fn check(table: &str, cases: &[Case]) {
    run(table, None, cases, render);
}

/// Runs every case read as `lang` (None: detected from the script) and fails
/// listing each case whose (text, value) pairs differ; modifiers and
/// conflicts are not compared.
pub fn check_values(table: &str, lang: Option<Lang>, cases: &[Case]) {
    run(table, lang, cases, |m| m.value.clone());
}

fn run(table: &str, lang: Option<Lang>, cases: &[Case], show: fn(&Mention) -> String) {
    let mut failures = Vec::new();
    for &(name, text, dct, want) in cases {
        let dct = parse_dct(dct);
        assert!(dct.is_some(), "{table}/{name}: bad dct");
        let opts = Options {
            dct,
            lang,
            ..Default::default()
        };
        let got: Vec<(String, String)> = extract(text, &opts)
            .mentions
            .iter()
            .map(|m| (m.text.clone(), show(m)))
            .collect();
        let want: Vec<(String, String)> = want.iter().map(|&(t, v)| (t.to_string(), v.to_string())).collect();
        if got != want {
            failures.push(format!("{name}: {text}\n    want {want:?}\n    got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{table}: {} of {} cases failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Fails unless `cases` has at least `min` cases, `negatives` of them empty.
pub fn at_least(table: &str, cases: &[Case], min: usize) {
    let negatives = cases.iter().filter(|c| c.3.is_empty()).count();
    assert!(cases.len() >= min, "{table}: {} cases, want ≥ {min}", cases.len());
    assert!(negatives > 0, "{table}: no negative case");
}
