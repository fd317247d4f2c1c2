//! Sentences, dated events and their merging across sources.
