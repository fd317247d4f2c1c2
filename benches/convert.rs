//! Conversions per second on one core: `cargo bench --bench convert`.
//!
//! Each case converts every day of 1300–1479 AP (about 65,700 days) over and
//! over for about a second and prints the rate. The target is ≥ 20 million
//! Persian→Gregorian (and back) conversions per second.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use tarikh::calendar::{self, Calendar, HijriVariant, Ymd};

/// Runs `f` over `items` until about `budget` has passed; returns conversions per second.
fn rate<T: Copy>(items: &[T], budget: Duration, mut f: impl FnMut(T) -> u64) -> f64 {
    let mut sink = 0u64;
    for &x in items {
        sink = sink.wrapping_add(f(x)); // warm-up
    }
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed() < budget {
        for &x in items {
            sink = sink.wrapping_add(f(black_box(x)));
        }
        n += items.len() as u64;
    }
    black_box(sink);
    n as f64 / start.elapsed().as_secs_f64()
}

fn report(name: &str, per_sec: f64) {
    println!("{name:<44} {:>8.1} million/s", per_sec / 1e6);
}

fn main() {
    let budget = Duration::from_millis(1000);
    let (first, _) = calendar::year_range(Calendar::Persian, 1300).expect("1300 AP exists");
    let (_, last) = calendar::year_range(Calendar::Persian, 1479).expect("1479 AP exists");
    let days: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= last).collect();
    let persian: Vec<Ymd> = days
        .iter()
        .map(|&d| calendar::from_date(Calendar::Persian, d))
        .collect();
    let hijri: Vec<Ymd> = days.iter().map(|&d| calendar::from_date(Calendar::Hijri, d)).collect();
    let civil: Vec<Ymd> = days
        .iter()
        .map(|&d| calendar::hijri_from_date(d, HijriVariant::Civil))
        .collect();
    println!("{} days, {} .. {}, one core", days.len(), first, last);

    let ymd_sum = |y: Ymd| y.year as u64 + u64::from(y.month) + u64::from(y.day);
    let day_num = |d: NaiveDate| chrono::Datelike::ordinal(&d) as u64;

    report(
        "Persian → Gregorian (to_date)",
        rate(&persian, budget, |y| {
            calendar::to_date(Calendar::Persian, y).map_or(0, day_num)
        }),
    );
    report(
        "Gregorian → Persian (from_date)",
        rate(&days, budget, |d| ymd_sum(calendar::from_date(Calendar::Persian, d))),
    );
    report(
        "Persian → Gregorian → Persian (round trips)",
        rate(&persian, budget, |y| {
            calendar::to_date(Calendar::Persian, y).map_or(0, |d| ymd_sum(calendar::from_date(Calendar::Persian, d)))
        }),
    );
    report(
        "  ICU4X only: Persian → day number",
        rate(&persian, budget, |y| {
            calendar::persian::icu_to_days(y).map_or(0, |n| n as u64)
        }),
    );
    report(
        "  ICU4X only: Gregorian → Persian",
        rate(&days, budget, |d| ymd_sum(calendar::persian::icu_from_date(d))),
    );
    report(
        "Hijri Umm al-Qura → Gregorian",
        rate(&hijri, budget, |y| {
            calendar::to_date(Calendar::Hijri, y).map_or(0, day_num)
        }),
    );
    report(
        "Gregorian → Hijri Umm al-Qura",
        rate(&days, budget, |d| ymd_sum(calendar::from_date(Calendar::Hijri, d))),
    );
    report(
        "Hijri civil → Gregorian",
        rate(&civil, budget, |y| {
            calendar::to_date_hijri(y, HijriVariant::Civil).map_or(0, day_num)
        }),
    );
    report(
        "Gregorian → Hijri civil",
        rate(&days, budget, |d| {
            ymd_sum(calendar::hijri_from_date(d, HijriVariant::Civil))
        }),
    );
}
