//! Month, weekday, ordinal and relative words of every supported language,
//! digits, and the text normalizer used for matching.

use serde::{Deserialize, Serialize};

/// A language of the text.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fa,
    Ar,
    En,
    Ur,
}
