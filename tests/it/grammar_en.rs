//! English tables for the forms the other languages' tables cover
//! (`grammar_forms.rs`): numeric dates, invisible characters inside words,
//! and `X of Y` (`the 5th of May 2021`, `March of 2019`). Sentences written
//! for tarikh; values read off the Gregorian calendar. Ambiguous numerics
//! with both parts ≤ 12 (`7/4/2016`: 7 April or July 4) are left out: which
//! order an English text means depends on the outlet, and the tables check
//! what the text alone decides.

use super::table::{Case, at_least, check};

#[rustfmt::skip]
const NUMERIC_EN: &[Case] = &[
    ("iso", "The filing is dated 2021-03-14 in the court record.", "2021-06-01", &[("2021-03-14", "2021-03-14")]),
    ("month first when the day is over 12", "The memo of 3/14/2021 was leaked.", "2021-06-01", &[("3/14/2021", "2021-03-14")]),
    ("day first when the day is over 12", "Deliveries resumed on 14/3/2021, the firm said.", "2021-06-01", &[("14/3/2021", "2021-03-14")]),
    ("iso in another year", "Results were posted on 2019-11-05 by the board.", "2021-06-01", &[("2019-11-05", "2019-11-05")]),
    ("dotted", "The board met on 25.05.2020 in Geneva.", "2021-06-01", &[("25.05.2020", "2020-05-25")]),
    ("year first with slashes", "The release of 2020/06/30 was delayed.", "2021-06-01", &[("2020/06/30", "2020-06-30")]),
    ("spaced", "The law took effect on 1 / 1 / 2020, officials said.", "2021-06-01", &[("1 / 1 / 2020", "2020-01-01")]),
    ("year end month first", "A notice dated 12/31/2019 was posted.", "2021-06-01", &[("12/31/2019", "2019-12-31")]),
    ("year end day first", "Flights stopped on 31/12/2019 at the border.", "2021-06-01", &[("31/12/2019", "2019-12-31")]),
    ("leap-free february end", "The survey ran on 2018-02-28 in three towns.", "2021-06-01", &[("2018-02-28", "2018-02-28")]),
    ("iso with single digits", "The ledger shows 2016-7-4 as the opening day.", "2021-06-01", &[("2016-7-4", "2016-07-04")]),
    ("a score is no date", "The score was 3/4 in the final set.", "2021-06-01", &[]),
    ("a fraction is no date", "About 2/3 of voters backed the plan.", "2021-06-01", &[]),
    ("a version is no date", "Version 2.10.3 was released.", "2021-06-01", &[]),
    ("a ratio is no date", "The ratio stood at 12/35 in the poll.", "2021-06-01", &[]),
    ("an impossible day", "An impossible 2021-02-30 entry was rejected.", "2021-06-01", &[]),
    ("a phone number", "Call 555-1234 for details.", "2021-06-01", &[]),
];

#[rustfmt::skip]
const INVISIBLE_EN: &[Case] = &[
    ("soft hyphen in a weekday", "Talks resumed on Mon\u{ad}day, March 8, 2021.", "2021-06-01", &[("Mon\u{ad}day, March 8, 2021", "2021-03-08")]),
    ("soft hyphen in a month", "The strike began on Jan\u{ad}uary 5, 2022.", "2021-06-01", &[("Jan\u{ad}uary 5, 2022", "2022-01-05")]),
    ("soft hyphen in a later month", "The vote falls on Sep\u{ad}tember 12, 2021.", "2021-06-01", &[("Sep\u{ad}tember 12, 2021", "2021-09-12")]),
    ("soft hyphen in the word before", "Ship\u{ad}ments fell in 2019.", "2021-06-01", &[("2019", "2019")]),
    ("zero-width space after the month", "The hearing is set for April\u{200b} 9, 2019.", "2021-06-01", &[("April\u{200b} 9, 2019", "2019-04-09")]),
    ("left-to-right mark before", "The summit on \u{200e}March 3, 2020 ended.", "2021-06-01", &[("March 3, 2020", "2020-03-03")]),
    ("two soft hyphens", "Ex\u{ad}ports rose in Oc\u{ad}to\u{ad}ber 2020.", "2021-06-01", &[("Oc\u{ad}to\u{ad}ber 2020", "2020-10")]),
    ("weekday agrees through the hyphen", "The tour ends on Thurs\u{ad}day, July 1, 2021.", "2021-06-01", &[("Thurs\u{ad}day, July 1, 2021", "2021-07-01")]),
    ("sentence start", "No\u{ad}vem\u{ad}ber 2, 2020 was the day.", "2021-06-01", &[("No\u{ad}vem\u{ad}ber 2, 2020", "2020-11-02")]),
    ("bidi isolates around", "The fair opened on \u{2066}May 5, 2019\u{2069} in Turin.", "2021-06-01", &[("May 5, 2019", "2019-05-05")]),
    ("month and year", "Sales in De\u{ad}cember 2018 rose.", "2021-06-01", &[("De\u{ad}cember 2018", "2018-12")]),
    ("month and year after of", "The report of Au\u{ad}gust 2017 was late.", "2021-06-01", &[("Au\u{ad}gust 2017", "2017-08")]),
    ("a hyphenated word is not a month", "The Mar\u{ad}chers band played.", "2021-06-01", &[]),
    ("maybe is not May", "A may\u{ad}be answer came.", "2021-06-01", &[]),
    ("a hyphenated paper name", "The Sun\u{ad}day Times sold out.", "2021-06-01", &[]),
];

#[rustfmt::skip]
const X_OF_Y_EN: &[Case] = &[
    ("nth of month year", "The vote fell on the 5th of May 2021 in Leeds.", "2021-06-01", &[("the 5th of May 2021", "2021-05-05")]),
    ("first of", "Markets closed on the first of March 2020.", "2021-06-01", &[("the first of March 2020", "2020-03-01")]),
    ("nth of month, year", "He was born on the 3rd of July, 1990.", "2021-06-01", &[("the 3rd of July, 1990", "1990-07-03")]),
    ("ordinal word", "The fair opened on the tenth of June 2015.", "2021-06-01", &[("the tenth of June 2015", "2015-06-10")]),
    ("tens ordinal word", "It opened on the twentieth of October, 2003.", "2021-06-01", &[("the twentieth of October, 2003", "2003-10-20")]),
    ("a feast day written as a date", "The rally on the 4th of July 2019 drew crowds.", "2021-06-01", &[("the 4th of July 2019", "2019-07-04")]),
    ("month of year", "Floods hit in August of 2005.", "2021-06-01", &[("August of 2005", "2005-08")]),
    ("month of year in past news", "The deal was done in March of 2019.", "2021-06-01", &[("March of 2019", "2019-03")]),
    ("month of year first in a sentence", "In July of 2010 floods struck.", "2021-06-01", &[("July of 2010", "2010-07")]),
    ("nth of month of year", "The 2nd of April of 2016 was rainy.", "2021-06-01", &[("The 2nd of April of 2016", "2016-04-02")]),
    ("edge of month of year", "Late May of 2011 was hot.", "2021-06-01", &[("Late May of 2011", "2011-05 END")]),
    ("season of year", "The spring of 2018 was wet.", "2021-06-01", &[("The spring of 2018", "2018-SP")]),
    ("end of month year", "By the end of June 2021 stocks had fallen.", "2021-06-01", &[("the end of June 2021", "2021-06 END")]),
    ("report of month year", "The report of March 2020 was late.", "2021-06-01", &[("March 2020", "2020-03")]),
    ("one of five", "One of five voters backed it.", "2021-06-01", &[]),
    ("first of the players", "The first of the players arrived.", "2021-06-01", &[]),
    ("a song title", "The 12th of Never is a song.", "2021-06-01", &[]),
    ("an impossible day", "The 30th of February 2021 is not a day.", "2021-06-01", &[]),
];

#[test]
fn numeric_en() {
    check("numeric_en", NUMERIC_EN);
}

#[test]
fn invisible_en() {
    check("invisible_en", INVISIBLE_EN);
}

#[test]
fn x_of_y_en() {
    check("x_of_y_en", X_OF_Y_EN);
}

#[test]
fn every_english_table_has_15_cases_and_a_negative() {
    for (name, cases) in [
        ("numeric_en", NUMERIC_EN),
        ("invisible_en", INVISIBLE_EN),
        ("x_of_y_en", X_OF_Y_EN),
    ] {
        at_least(name, cases, 15);
    }
}
