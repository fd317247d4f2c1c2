//! English table tests: `(name, text, dct, expected mentions)`, one table per
//! construction, negatives included. Every sentence was written for tarikh.

use tarikh::lexicon::Lang;

/// (name, text, document date, every mention expected as (exact text, value)).
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
);

fn check(cases: &[Case]) {
    super::table::check_values("extract_en", Some(Lang::En), cases);
}

/// Quarters and halves of a year.
const QUARTERS: &[Case] = &[
    (
        "q ordinal",
        "The bakery posted a loss in the third quarter.",
        "1989-11-02",
        &[("the third quarter", "1989-Q3")],
    ),
    (
        "q hyphen adjective",
        "Its third-quarter profit doubled.",
        "1989-11-02",
        &[("Its third-quarter", "1989-Q3")],
    ),
    (
        "q capital hyphen",
        "Third-quarter sales slipped.",
        "1989-11-02",
        &[("Third-quarter", "1989-Q3")],
    ),
    (
        "q fourth current",
        "The storm will cut fourth-quarter earnings.",
        "1989-11-02",
        &[("fourth-quarter", "1989-Q4")],
    ),
    (
        "q first past",
        "Sales rose in the first quarter.",
        "1989-11-02",
        &[("the first quarter", "1989-Q1")],
    ),
    (
        "q of year",
        "Output peaked in the second quarter of 1987.",
        "1989-11-02",
        &[("the second quarter of 1987", "1987-Q2")],
    ),
    (
        "q comma year",
        "Costs fell in the fourth quarter, 1986.",
        "1989-11-02",
        &[("the fourth quarter, 1986", "1986-Q4")],
    ),
    (
        "q year before",
        "A charge was taken in the 1988 second quarter.",
        "1989-11-02",
        &[("the 1988 second quarter", "1988-Q2")],
    ),
    (
        "q this year's",
        "Revenue for this year's second quarter was flat.",
        "1989-11-02",
        &[("this year's second quarter", "1989-Q2")],
    ),
    (
        "q next year's",
        "The merger may close in next year's first quarter.",
        "1989-11-02",
        &[("next year's first quarter", "1990-Q1")],
    ),
    (
        "q last year's ordinal",
        "Margins were thin in last year's fourth quarter.",
        "1989-11-02",
        &[("last year's fourth quarter", "1988-Q4")],
    ),
    (
        "q fiscal",
        "Profit in the fiscal first quarter soared.",
        "1989-11-02",
        &[("the fiscal first quarter", "1989-Q1")],
    ),
    (
        "q ordinal a year ago",
        "Orders in the third quarter a year ago were weak.",
        "1989-11-02",
        &[("the third quarter a year ago", "1988-Q3")],
    ),
    (
        "q year-earlier ordinal",
        "In the year-earlier third quarter it lost money.",
        "1989-11-02",
        &[("the year-earlier third quarter", "1988-Q3")],
    ),
    (
        "q jan dct previous year",
        "Results for the fourth quarter were strong.",
        "1990-01-20",
        &[("the fourth quarter", "1989-Q4")],
    ),
    ("q neg fraction", "A quarter of the staff left.", "1989-11-02", &[]),
    ("q neg plural", "Three quarters of voters agreed.", "1989-11-02", &[]),
    (
        "q neg quarter-point",
        "The bank cut rates by a quarter-point.",
        "1989-11-02",
        &[],
    ),
    (
        "q neg french quarter",
        "They walked through the French Quarter.",
        "1989-11-02",
        &[],
    ),
    (
        "q half of year",
        "Sales grew in the first half of 1989.",
        "1989-11-02",
        &[("the first half of 1989", "1989-H1")],
    ),
    ("q neg half match", "He scored in the second half.", "1989-11-02", &[]),
];

#[test]
fn en_quarters() {
    assert!(QUARTERS.len() >= 15);
    check(QUARTERS);
}

/// The reporting period and year-back words.
const REPORTED: &[Case] = &[
    (
        "rp the quarter",
        "The mill earned more in the quarter.",
        "1989-11-02",
        &[("the quarter", "1989-Q3")],
    ),
    (
        "rp latest quarter",
        "In the latest quarter, sales climbed.",
        "1989-11-02",
        &[("the latest quarter", "1989-Q3")],
    ),
    (
        "rp this quarter",
        "This quarter's loss was wide.",
        "1989-11-02",
        &[("This quarter", "1989-Q3")],
    ),
    (
        "rp follows named quarter",
        "Third-quarter profit rose. In the quarter, sales grew.",
        "1989-11-02",
        &[("Third-quarter", "1989-Q3"), ("the quarter", "1989-Q3")],
    ),
    (
        "rp year-ago quarter",
        "Third-quarter profit rose from the year-ago quarter.",
        "1989-11-02",
        &[("Third-quarter", "1989-Q3"), ("the year-ago quarter", "1988-Q3")],
    ),
    (
        "rp year-earlier period",
        "Third-quarter net fell from the year-earlier period.",
        "1989-11-02",
        &[("Third-quarter", "1989-Q3"), ("the year-earlier period", "1988-Q3")],
    ),
    (
        "rp a year ago after quarter",
        "Third-quarter net was $5 million, up from $3 million a year ago.",
        "1989-11-02",
        &[("Third-quarter", "1989-Q3"), ("a year ago", "1988-Q3")],
    ),
    (
        "rp a year earlier after quarter",
        "Third-quarter net was $5 million. A year earlier, it lost money.",
        "1989-11-02",
        &[("Third-quarter", "1989-Q3"), ("A year earlier", "1988-Q3")],
    ),
    (
        "rp year-earlier adjective",
        "Third-quarter net was $5 million, compared with year-earlier net of $3 million.",
        "1989-11-02",
        &[("Third-quarter", "1989-Q3"), ("year-earlier", "1988-Q3")],
    ),
    (
        "rp last year after amount",
        "Third-quarter net was $5 million, against $3 million last year.",
        "1989-11-02",
        &[("Third-quarter", "1989-Q3"), ("last year", "1988-Q3")],
    ),
    (
        "rp last year's quarter",
        "Third-quarter net was $5 million. Sales for last year's quarter were lower.",
        "1989-11-02",
        &[("Third-quarter", "1989-Q3"), ("last year's quarter", "1988-Q3")],
    ),
    (
        "rp corresponding period",
        "Third-quarter net was $5 million, up from the corresponding period last year.",
        "1989-11-02",
        &[
            ("Third-quarter", "1989-Q3"),
            ("the corresponding period last year", "1988-Q3"),
        ],
    ),
    (
        "rp year quarter",
        "Third-quarter net was $5 million, after $2 million in the 1988 quarter.",
        "1989-11-02",
        &[("Third-quarter", "1989-Q3"), ("the 1988 quarter", "1988-Q3")],
    ),
    (
        "rp a year ago no quarter",
        "Wages were higher than a year ago.",
        "1998-02-06",
        &[("a year ago", "1997")],
    ),
    (
        "rp last year no quarter",
        "The union grew to 3,000 members last year.",
        "1998-02-06",
        &[("last year", "1997")],
    ),
    ("rp neg the period", "The period of calm ended.", "1989-11-02", &[]),
    ("rp neg a year", "It took a year to finish.", "1989-11-02", &[]),
    (
        "rp year period",
        "Net was lower in the 1988 period.",
        "1989-11-02",
        &[("the 1988 period", "1988")],
    ),
];

#[test]
fn en_reporting_period() {
    assert!(REPORTED.len() >= 15);
    check(REPORTED);
}

/// Seasons.
const SEASONS: &[Case] = &[
    (
        "season this summer",
        "Marches are planned this summer.",
        "1998-03-22",
        &[("this summer", "1998-SU")],
    ),
    (
        "season last fall",
        "Hiring began last fall.",
        "1998-02-06",
        &[("last fall", "1997-FA")],
    ),
    (
        "season last spring dct fall",
        "The strike began last spring.",
        "1989-10-26",
        &[("last spring", "1989-SP")],
    ),
    (
        "season next winter",
        "The plant opens next winter.",
        "1998-03-22",
        &[("next winter", "1999-WI")],
    ),
    (
        "season over the summer",
        "Over the summer, rivals cut prices.",
        "1989-10-26",
        &[("the summer", "1989-SU")],
    ),
    (
        "season in spring",
        "The law passed in spring.",
        "1998-08-01",
        &[("spring", "1998-SP")],
    ),
    (
        "season of year",
        "Prices were this low in the winter of 1994.",
        "1998-02-23",
        &[("the winter of 1994", "1994-WI")],
    ),
    (
        "season winter words",
        "Prices were this low in the winter of nineteen ninety-four.",
        "1998-02-23",
        &[("the winter of nineteen ninety-four", "1994-WI")],
    ),
    (
        "season early summer",
        "Orders recovered from the early summer lows.",
        "1989-10-26",
        &[("the early summer", "1989-SU")],
    ),
    (
        "season this past spring",
        "The park reopened this past spring.",
        "1998-08-01",
        &[("this past spring", "1998-SP")],
    ),
    (
        "season year",
        "The album came out in summer 1996.",
        "1998-08-01",
        &[("summer 1996", "1996-SU")],
    ),
    ("season neg verb fall", "Prices may fall sharply.", "1998-08-01", &[]),
    (
        "season neg spring verb",
        "Leaks spring from old pipes.",
        "1998-08-01",
        &[],
    ),
    ("season neg noun", "The hot spring is popular.", "1998-08-01", &[]),
    (
        "season neg fall of city",
        "The fall of the city shocked them.",
        "1998-08-01",
        &[],
    ),
];

#[test]
fn en_seasons() {
    assert!(SEASONS.len() >= 15);
    check(SEASONS);
}

/// N units ago.
const AGO: &[Case] = &[
    (
        "ago weeks",
        "He spoke six weeks ago.",
        "1998-03-01",
        &[("six weeks ago", "1998-01-18")],
    ),
    (
        "ago two weeks",
        "They were invited two weeks ago.",
        "1998-03-22",
        &[("two weeks ago", "1998-03-08")],
    ),
    (
        "ago years",
        "The court ruled two years ago.",
        "1998-04-24",
        &[("two years ago", "1996")],
    ),
    (
        "ago digits years",
        "The revolution came 41 years ago.",
        "2000-01-15",
        &[("41 years ago", "1959")],
    ),
    (
        "ago months",
        "The agency acted five months ago.",
        "1998-03-31",
        &[("five months ago", "1997-10")],
    ),
    (
        "ago nearly",
        "The killings began nearly four years ago.",
        "1998-02-27",
        &[("nearly four years ago", "1994")],
    ),
    (
        "ago days",
        "The bomb went off three days ago.",
        "1998-03-22",
        &[("three days ago", "1998-03-19")],
    ),
    (
        "ago a week or so",
        "Then, a week or so ago, the plan was set.",
        "1991-02-25",
        &[("a week or so ago", "1991-02-18")],
    ),
    (
        "ago more than",
        "It ended more than two decades ago.",
        "2000-01-15",
        &[("more than two decades ago", "1980")],
    ),
    (
        "ago forty-one",
        "He arrived forty-one years ago.",
        "2000-01-15",
        &[("forty-one years ago", "1959")],
    ),
    (
        "ago a month",
        "The shop closed a month ago.",
        "2000-01-15",
        &[("a month ago", "1999-12")],
    ),
    (
        "ago ten days capital",
        "Ten days ago the talks stalled.",
        "1998-03-22",
        &[("Ten days ago", "1998-03-12")],
    ),
    ("ago neg several", "He left several years ago.", "2000-01-15", &[]),
    ("ago neg no ago", "He worked two years in Paris.", "2000-01-15", &[]),
    ("ago neg later", "He returned two years later.", "2000-01-15", &[]),
];

#[test]
fn en_units_ago() {
    assert!(AGO.len() >= 15);
    check(AGO);
}

/// Bare years where the sentence makes them a time, and years in words.
const BARE_YEARS: &[Case] = &[
    (
        "year since",
        "The country has been free since 1901.",
        "1998-02-13",
        &[("1901", "1901")],
    ),
    (
        "year by",
        "The city wants clean air by 2040.",
        "2020-02-13",
        &[("2040", "2040")],
    ),
    (
        "year between and",
        "He lived there between 1994 and 1997.",
        "1999-01-22",
        &[("1994", "1994"), ("1997", "1997")],
    ),
    (
        "year from to",
        "He drank from 1991 to 1997.",
        "2000-01-22",
        &[("1991 to 1997", "1991-01-01/1997-12-31")],
    ),
    (
        "year adjective",
        "She opposed the 1994 act.",
        "1998-10-26",
        &[("1994", "1994")],
    ),
    (
        "year a audit",
        "A 2016 audit found gaps.",
        "2017-03-01",
        &[("2016", "2016")],
    ),
    (
        "year possessive",
        "Navigation's 1989 results were weak.",
        "1989-10-30",
        &[("1989", "1989")],
    ),
    (
        "year for",
        "For 1988, the utility earned more.",
        "1989-10-30",
        &[("1988", "1988")],
    ),
    (
        "year of act",
        "It follows the Reform Act of 1989.",
        "1989-10-30",
        &[("1989", "1989")],
    ),
    (
        "year span",
        "The plan covers 2014-2015.",
        "2016-03-01",
        &[("2014-2015", "2014-01-01/2015-12-31")],
    ),
    (
        "year words",
        "In nineteen ninety-one he was convicted.",
        "1998-01-15",
        &[("nineteen ninety-one", "1991")],
    ),
    (
        "year words bare",
        "Atlanta, nineteen ninety-six.",
        "1998-02-27",
        &[("nineteen ninety-six", "1996")],
    ),
    (
        "year two thousand",
        "He promised jobs by the year two thousand.",
        "1998-02-05",
        &[("the year two thousand", "2000")],
    ),
    ("year neg shares", "The firm sold 1990 shares.", "1989-10-30", &[]),
    ("year neg money", "He paid $2015 for the car.", "1989-10-30", &[]),
    ("year neg room", "Call room 1998 for help.", "1989-10-30", &[]),
    ("year neg percent", "The index rose 1990%.", "1989-10-30", &[]),
    (
        "year neg bare count",
        "Police counted 1990 at the rally.",
        "1989-10-30",
        &[],
    ),
    ("year neg to count", "The index fell to 2000 points.", "1989-10-30", &[]),
    ("year neg thousands", "About 1,990 people came.", "1989-10-30", &[]),
    ("year neg flight", "Flight 1990 landed late.", "1989-10-30", &[]),
];

#[test]
fn en_bare_years() {
    assert!(BARE_YEARS.len() >= 15);
    check(BARE_YEARS);
}

/// Months alone, with a direction, or with a relative year.
const MONTHS: &[Case] = &[
    (
        "month since",
        "Shares have fallen since August.",
        "1989-10-26",
        &[("August", "1989-08")],
    ),
    (
        "month by future",
        "Talks should end by May.",
        "1998-03-22",
        &[("May", "1998-05")],
    ),
    (
        "month for",
        "The figures for January were strong.",
        "1998-02-06",
        &[("January", "1998-01")],
    ),
    (
        "month through",
        "Sales were flat through August.",
        "1989-10-27",
        &[("August", "1989-08")],
    ),
    (
        "month words year",
        "January nineteen ninety-seven brought another attack.",
        "1998-02-27",
        &[("January nineteen ninety-seven", "1997-01")],
    ),
    (
        "month neg may verb",
        "Officials said prices may rise.",
        "1998-02-27",
        &[],
    ),
    ("month neg may name", "The award went to May Smith.", "1998-02-27", &[]),
    ("month neg may sentence", "May I ask a question?", "1998-02-27", &[]),
    ("month neg march verb", "They march to the square.", "1998-02-27", &[]),
    ("month neg bare", "March was cold.", "1998-02-27", &[]),
    (
        "month past in",
        "He resigned in March.",
        "1989-11-02",
        &[("March", "1989-03")],
    ),
    (
        "month future in",
        "The deal will close in January.",
        "1989-11-02",
        &[("January", "1990-01")],
    ),
    (
        "month neutral nearest",
        "The report is due in December.",
        "1989-11-02",
        &[("December", "1989-12")],
    ),
    (
        "dir last may",
        "The treaty was signed last May.",
        "1998-02-27",
        &[("last May", "1997-05")],
    ),
    (
        "dir last november",
        "He arrived last November.",
        "2000-01-13",
        &[("last November", "1999-11")],
    ),
    (
        "dir last august",
        "The war began last August.",
        "1991-02-25",
        &[("last August", "1990-08")],
    ),
    (
        "dir this september",
        "The vote is due this September.",
        "1998-03-01",
        &[("this September", "1998-09")],
    ),
    (
        "dir next june",
        "The games open next June.",
        "1998-03-01",
        &[("next June", "1998-06")],
    ),
    (
        "dir may last year",
        "In May last year the leader was arrested.",
        "1998-02-19",
        &[("May last year", "1997-05")],
    ),
    (
        "dir january this year",
        "In January this year, police searched the town.",
        "1998-02-19",
        &[("January this year", "1998-01")],
    ),
    (
        "dir march next year",
        "The line opens in March next year.",
        "1998-02-19",
        &[("March next year", "1999-03")],
    ),
    (
        "dir last october",
        "A doctor was killed last October.",
        "1999-02-06",
        &[("last October", "1998-10")],
    ),
    ("dir neg last word", "The last train left at noon.", "1999-02-06", &[]),
];

#[test]
fn en_months() {
    assert!(MONTHS.len() >= 15);
    check(MONTHS);
}

/// Early, mid, late, the end of.
const EDGES: &[Case] = &[
    (
        "edge late month",
        "He was found in late November.",
        "2000-01-06",
        &[("late November", "1999-11")],
    ),
    (
        "edge mid hyphen month",
        "The deadline is mid-November.",
        "1989-10-30",
        &[("mid-November", "1989-11")],
    ),
    (
        "edge early month",
        "The treaty takes effect in early March.",
        "1999-02-10",
        &[("early March", "1999-03")],
    ),
    (
        "edge late hyphen",
        "The late-November trip was risky.",
        "2000-01-28",
        &[("late-November", "1999-11")],
    ),
    (
        "edge mid year",
        "The group split in mid-1996.",
        "1998-02-19",
        &[("mid-1996", "1996")],
    ),
    (
        "edge early year",
        "The names change in early 1990.",
        "1989-11-02",
        &[("early 1990", "1990")],
    ),
    (
        "edge end of year",
        "The goal is 50% by the end of 1990.",
        "1989-10-26",
        &[("the end of 1990", "1990")],
    ),
    (
        "edge end of the year",
        "The plant closes by the end of the year.",
        "1989-10-26",
        &[("the end of the year", "1989")],
    ),
    (
        "edge middle of month",
        "Prices fell from the middle of October.",
        "1998-02-23",
        &[("the middle of October", "1997-10")],
    ),
    (
        "edge beginning of month",
        "The strike started at the beginning of October.",
        "1998-02-23",
        &[("the beginning of October", "1997-10")],
    ),
    (
        "edge year-end",
        "The sale should close by year-end.",
        "1989-11-02",
        &[("year-end", "1989")],
    ),
    (
        "edge year's end",
        "Rules should be in place by year's end.",
        "1989-11-02",
        &[("year's end", "1989")],
    ),
    (
        "edge late year",
        "The rebels held power in late 1978.",
        "1998-02-19",
        &[("late 1978", "1978")],
    ),
    (
        "edge neg late person",
        "The late Mr. Smith left a will.",
        "1998-02-19",
        &[],
    ),
    ("edge neg early word", "He came early to work.", "1998-02-19", &[]),
];

#[test]
fn en_edges() {
    assert!(EDGES.len() >= 15);
    check(EDGES);
}

/// Holidays.
const HOLIDAYS: &[Case] = &[
    (
        "hol thanksgiving",
        "The boy was found on Thanksgiving Day.",
        "2000-01-07",
        &[("Thanksgiving Day", "1999-11-25")],
    ),
    (
        "hol last thanksgiving",
        "The boat sank last Thanksgiving.",
        "2000-02-10",
        &[("last Thanksgiving", "1999-11-25")],
    ),
    (
        "hol christmas future",
        "The troops will be home by Christmas.",
        "1998-12-01",
        &[("Christmas", "1998-12-25")],
    ),
    (
        "hol christmas year",
        "The strike started at Christmas 1997.",
        "1999-06-01",
        &[("Christmas 1997", "1997-12-25")],
    ),
    (
        "hol election day",
        "The theme will last to Election Day.",
        "1998-10-26",
        &[("Election Day", "1998-11-03")],
    ),
    (
        "hol new years day",
        "The law took effect on New Year's Day.",
        "1999-03-01",
        &[("New Year's Day", "1999-01-01")],
    ),
    (
        "hol christmas eve",
        "Shops close early on Christmas Eve.",
        "1998-12-01",
        &[("Christmas Eve", "1998-12-24")],
    ),
    (
        "hol halloween",
        "The raid came on Halloween.",
        "1998-12-01",
        &[("Halloween", "1998-10-31")],
    ),
    (
        "hol memorial",
        "The pool opened on Memorial Day.",
        "1998-06-20",
        &[("Memorial Day", "1998-05-25")],
    ),
    (
        "hol labor",
        "The strike began on Labor Day.",
        "1998-10-01",
        &[("Labor Day", "1998-09-07")],
    ),
    (
        "hol independence",
        "Fireworks lit Independence Day.",
        "1998-10-01",
        &[("Independence Day", "1998-07-04")],
    ),
    (
        "hol valentine",
        "He proposed on Valentine's Day.",
        "1998-03-01",
        &[("Valentine's Day", "1998-02-14")],
    ),
    ("hol neg lowercase", "They ate a christmas pudding.", "1998-10-01", &[]),
    ("hol neg name", "Christmas Island lies far away.", "1998-10-01", &[]),
    ("hol neg labor party", "The Labor Party won.", "1998-10-01", &[]),
];

#[test]
fn en_holidays() {
    assert!(HOLIDAYS.len() >= 15);
    check(HOLIDAYS);
}

/// Decades, fiscal years, the year.
const WHOLE_YEARS: &[Case] = &[
    (
        "dec 1980s",
        "The stock peaked in the early 1980s.",
        "1989-11-02",
        &[("the early 1980s", "198")],
    ),
    (
        "dec mid",
        "The goal is half the market by the mid-1990s.",
        "1989-10-26",
        &[("the mid-1990s", "199")],
    ),
    (
        "dec late",
        "The group held power in the late 1970s.",
        "1998-02-19",
        &[("the late 1970s", "197")],
    ),
    (
        "dec words",
        "Numbers fell through the nineties.",
        "1998-03-03",
        &[("the nineties", "199")],
    ),
    (
        "dec apostrophe",
        "Sales were flat in the '80s.",
        "1989-10-26",
        &[("the '80s", "198")],
    ),
    (
        "dec plain",
        "It was built in the 1960s.",
        "1998-03-03",
        &[("the 1960s", "196")],
    ),
    (
        "fiscal year",
        "In fiscal 1989, Elco earned $7.8 million.",
        "1989-11-02",
        &[("fiscal 1989", "1989")],
    ),
    (
        "fiscal year word",
        "Sales in fiscal year 1990 will rise.",
        "1989-11-02",
        &[("fiscal year 1990", "1990")],
    ),
    (
        "fiscal current",
        "It expects higher sales in the current fiscal year.",
        "1989-11-02",
        &[("the current fiscal year", "1989")],
    ),
    (
        "the year for",
        "For the year, volume was flat.",
        "1989-11-02",
        &[("the year", "1989")],
    ),
    (
        "the year of",
        "Net rose in the first nine months of the year.",
        "1989-10-30",
        &[("the year", "1989")],
    ),
    (
        "the full year",
        "Sales for the full year were $6.6 billion.",
        "1989-11-02",
        &[("the full year", "1989")],
    ),
    (
        "the current year",
        "The share will grow in the current year.",
        "1989-10-26",
        &[("the current year", "1989")],
    ),
    (
        "the year neg before",
        "In the year before, it lost money.",
        "1989-10-26",
        &[],
    ),
    (
        "the year neg since",
        "In the year since, little changed.",
        "1989-10-26",
        &[],
    ),
];

#[test]
fn en_whole_years() {
    assert!(WHOLE_YEARS.len() >= 15);
    check(WHOLE_YEARS);
}

/// Ordinal days: the 2nd of April, April 9th 2016, 12th Nov 1983.
const ORDINAL_DATES: &[Case] = &[
    (
        "ord the nth of month",
        "The meeting is on the 2nd of April.",
        "2016-05-10",
        &[("the 2nd of April", "2016-04-02")],
    ),
    (
        "ord month nth year",
        "It opened on April 9th 2016 in Leeds.",
        "2016-05-10",
        &[("April 9th 2016", "2016-04-09")],
    ),
    (
        "ord nth month year",
        "She was born on 12th Nov 1983 in Cork.",
        "2016-05-10",
        &[("12th Nov 1983", "1983-11-12")],
    ),
    (
        "ord nth of month comma year",
        "The vote is on the twenty-third of May, 2019.",
        "2016-05-10",
        &[("the twenty-third of May, 2019", "2019-05-23")],
    ),
    (
        "ord month words",
        "Women's Day is on March eighth.",
        "1998-03-05",
        &[("March eighth", "1998-03-08")],
    ),
    (
        "ord weekday fits year",
        "The paper said in an editorial on Saturday, April 25th: the court erred.",
        "1998-04-24",
        &[("Saturday, April 25th", "1998-04-25")],
    ),
    (
        "ord month the first",
        "Rent is due on March the first.",
        "1998-02-20",
        &[("March the first", "1998-03-01")],
    ),
    (
        "ord nth month",
        "The fair runs until the 21st of March.",
        "1998-03-05",
        &[("the 21st of March", "1998-03-21")],
    ),
    (
        "ord 31st",
        "The books close on the 31st of December.",
        "1998-03-05",
        &[("the 31st of December", "1997-12-31")],
    ),
    (
        "ord 22nd",
        "He arrives on June 22nd.",
        "1998-03-05",
        &[("June 22nd", "1998-06-22")],
    ),
    (
        "ord 3rd",
        "The show opens on the 3rd of July.",
        "1998-03-05",
        &[("the 3rd of July", "1998-07-03")],
    ),
    ("ord neg 11st", "It ranked 11st.", "1998-03-05", &[]),
    ("ord neg first place", "He came first in the race.", "1998-03-05", &[]),
    ("ord neg 40th", "The 40th of May does not exist.", "1998-03-05", &[]),
    (
        "ord neg fifth amendment",
        "He took the fifth on the stand.",
        "1998-03-05",
        &[],
    ),
];

#[test]
fn en_ordinal_dates() {
    assert!(ORDINAL_DATES.len() >= 15);
    check(ORDINAL_DATES);
}

/// The tense of the sentence picks the occurrence of a weekday or yearless date; names are not weekdays.
const TENSE: &[Case] = &[
    (
        "wd said past",
        "The three countries issued a joint statement Friday.",
        "1999-03-13",
        &[("Friday", "1999-03-12")],
    ),
    (
        "wd will future",
        "The talks are set to resume Monday in Belfast.",
        "1998-03-22",
        &[("Monday", "1998-03-23")],
    ),
    (
        "wd planned future",
        "The team planned to leave on Thursday.",
        "1998-09-30",
        &[("Thursday", "1998-10-01")],
    ),
    (
        "wd would future",
        "The father would be traveling to the United States Thursday.",
        "2000-04-05",
        &[("Thursday", "2000-04-06")],
    ),
    (
        "wd as soon as",
        "The group could come as soon as Tuesday.",
        "2000-04-03",
        &[("Tuesday", "2000-04-04")],
    ),
    (
        "wd met past",
        "The king met Monday with aides.",
        "1990-08-15",
        &[("Monday", "1990-08-13")],
    ),
    (
        "wd neutral",
        "On Tuesday, the league ran an ad.",
        "1998-10-26",
        &[("Tuesday", "1998-10-20")],
    ),
    (
        "wd neg sunday times",
        "The Sunday Times ran the story.",
        "1998-10-26",
        &[],
    ),
    (
        "wd neg sun company",
        "Sun Microsystems reported a profit.",
        "1989-10-26",
        &[],
    ),
    ("wd neg sun pronoun", "Sun said its profit rose.", "1989-10-26", &[]),
    (
        "wd neg bloody sunday",
        "They marked Bloody Sunday with a march.",
        "1998-10-26",
        &[],
    ),
    (
        "wd neg super tuesday",
        "He won Super Tuesday easily.",
        "1998-10-26",
        &[],
    ),
    (
        "wd abbrev with date",
        "The show airs Wed., Oct. 28.",
        "1998-10-26",
        &[("Oct. 28", "1998-10-28")],
    ),
    (
        "wd sunday morning",
        "He left on Sunday morning.",
        "1998-10-26",
        &[("Sunday", "1998-10-25")],
    ),
    (
        "tense past day",
        "He was shot to death on Oct. 23 at home.",
        "1999-05-06",
        &[("Oct. 23", "1998-10-23")],
    ),
    (
        "tense future day",
        "The dividend is payable Jan. 2 to holders.",
        "1989-11-02",
        &[("Jan. 2", "1990-01-02")],
    ),
    (
        "tense nearest day",
        "The rights expire Nov. 21.",
        "1989-11-02",
        &[("Nov. 21", "1989-11-21")],
    ),
    (
        "tense past month day",
        "The index is near its record set on Aug. 6.",
        "1998-02-06",
        &[("Aug. 6", "1997-08-06")],
    ),
    (
        "tense future month",
        "The bank will repay the loan by February.",
        "1989-10-30",
        &[("February", "1990-02")],
    ),
    (
        "tense past month",
        "In January, the chain hired a new chief.",
        "1989-10-27",
        &[("January", "1989-01")],
    ),
    (
        "tense future by day",
        "The deal should be done by Dec. 15.",
        "1989-10-31",
        &[("Dec. 15", "1989-12-15")],
    ),
    (
        "tense past last seen",
        "He was last seen Nov. 3 near Buffalo.",
        "1999-05-07",
        &[("Nov. 3", "1998-11-03")],
    ),
];

#[test]
fn en_tense() {
    assert!(TENSE.len() >= 15);
    check(TENSE);
}
