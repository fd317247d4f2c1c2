//! HTML article pages: the article's main text without the site's chrome
//! (navigation, header, footer, related-news rails, scripts, styles,
//! comments), found by `dom_smoothie` (a port of Mozilla's Readability on
//! `dom_query`/`html5ever`), with the page's own metadata: title, canonical
//! URL, publication time, language and character set.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use super::{InputError, Options, checked_lang, decode, published};
use crate::store::NewDocument;

/// Separators between an article's title and its site's name in `<title>`.
const TITLE_SEPARATORS: [&str; 7] = [" | ", " - ", " – ", " — ", " :: ", " « ", " » "];

/// Elements that are the site's chrome, not the article: a `<time>` inside
/// one is today's date or another story's.
const CHROME: &str = "header, nav, footer, aside, [class*=header], [class*=footer], [class*=related], \
                      [class*=sidebar], [class*=menu], [id*=header], [id*=footer], [id*=menu], [id*=top-bar]";

/// An article page read into a document.
#[derive(Clone, Debug)]
pub struct Page {
    /// The article: main text, title, URL, publication time, language.
    pub doc: NewDocument,
    /// The character set the page was decoded from (`UTF-8`, `windows-1256`).
    pub encoding: &'static str,
}

/// Reads an article page: decodes it (HTTP header charset in
/// `opts.charset`, BOM, `<meta charset>`), takes its main text, and its
/// title (`og:title`, the `<h1>`, or `<title>` without the site's name),
/// canonical URL (`<link rel=canonical>`, `og:url`, else `opts.url`),
/// publication time (`article:published_time` and its kin, JSON-LD
/// `datePublished`, `<time datetime>` in the article; else the store reads
/// the dateline) and language (`<html lang>`, kept only when the text is in
/// its script).
///
/// # Errors
/// [`InputError::Html`] when no readable text is found.
pub fn extract_page(bytes: &[u8], opts: &Options) -> Result<Page, InputError> {
    let (html, encoding) = decode(bytes, opts.charset.as_deref());
    let doc = Document::from(html.as_str());
    let meta = |sel: &str| {
        doc.select(sel).iter().find_map(|n| {
            n.attr("content")
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
        })
    };
    let canonical = doc
        .select("link[rel=canonical]")
        .iter()
        .find_map(|n| n.attr("href").map(|h| h.trim().to_string()))
        .filter(|h| h.starts_with("http"))
        .or_else(|| meta("meta[property='og:url']"))
        .or_else(|| opts.url.clone());
    let site = meta("meta[property='og:site_name']");
    let title = meta("meta[property='og:title']")
        .or_else(|| meta("meta[name='twitter:title']"))
        .map(|t| strip_site(&t, site.as_deref()))
        .or_else(|| first_text(&doc, "article h1, main h1, h1"))
        .or_else(|| first_text(&doc, "title").map(|t| strip_site(&t, site.as_deref())));
    let declared_lang = doc
        .select("html")
        .iter()
        .find_map(|n| n.attr("lang").or_else(|| n.attr("xml:lang")).map(|l| l.to_string()))
        .or_else(|| meta("meta[http-equiv='content-language'], meta[http-equiv='Content-Language']"));
    let published_meta = meta(
        "meta[property='article:published_time'], meta[itemprop='datePublished'], \
         meta[name='pubdate'], meta[name='publishdate'], meta[name='date'], meta[name='DC.date.issued']",
    );
    let time_in_article = doc
        .select("time[datetime]")
        .nodes()
        .iter()
        .filter(|n| !n.ancestors_it(None).any(|a| a.is(CHROME)))
        .find_map(|n| n.attr("datetime").map(|d| d.trim().to_string()));
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let url_for_readability = canonical.as_deref().filter(|u| u.starts_with("http"));
    let mut readability = Readability::with_document(doc, url_for_readability, Some(config))
        .or_else(|_| Readability::with_document(Document::from(html.as_str()), None, None))
        .map_err(|e| InputError::Html { reason: e.to_string() })?;
    let article = readability
        .parse()
        .map_err(|e| InputError::Html { reason: e.to_string() })?;
    let text = tidy(&article.text_content);
    if text.is_empty() {
        return Err(InputError::Html {
            reason: "the main text is empty".into(),
        });
    }
    let published_at = published_meta
        .or_else(|| article.published_time.clone())
        .or(time_in_article)
        .filter(|p| published(p).is_some());
    let dct = published_at.as_deref().and_then(published).or(opts.dct);
    let lang = checked_lang(declared_lang.as_deref().or(article.lang.as_deref()), &text).or(opts.lang);
    let title = title.or_else(|| Some(article.title.trim().to_string()).filter(|t| !t.is_empty()));
    Ok(Page {
        doc: NewDocument {
            text,
            title,
            url: canonical,
            source: site,
            published_at,
            lang,
            dct,
            external_id: None,
        },
        encoding: encoding.name(),
    })
}

/// The text of an HTML fragment (a feed item's content): block elements
/// become paragraphs; scripts, styles and comments are dropped.
pub fn html_to_text(html: &str) -> String {
    let doc = Document::from(html);
    doc.select("script, style, noscript, template, iframe").remove();
    tidy(&doc.select("body").formatted_text())
}

/// The trimmed text of the first element `sel` matches that has any.
fn first_text(doc: &Document, sel: &str) -> Option<String> {
    doc.select(sel).iter().find_map(|n| {
        let t = n.text().split_whitespace().collect::<Vec<_>>().join(" ");
        Some(t).filter(|t| !t.is_empty())
    })
}

/// A page title without the site's name: `Talks resume in Vienna | Daily
/// Wire` → `Talks resume in Vienna`. The part that is the site's name (or,
/// not knowing it, the longest part) is kept.
fn strip_site(title: &str, site: Option<&str>) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let Some(sep) = TITLE_SEPARATORS.iter().find(|s| title.contains(**s)) else {
        return title;
    };
    let parts: Vec<&str> = title.split(sep).map(str::trim).filter(|p| !p.is_empty()).collect();
    let kept: Vec<&str> = match site {
        Some(site) if parts.iter().any(|p| p.eq_ignore_ascii_case(site.trim())) => parts
            .iter()
            .copied()
            .filter(|p| !p.eq_ignore_ascii_case(site.trim()))
            .collect(),
        _ => parts
            .iter()
            .copied()
            .max_by_key(|p| p.chars().count())
            .into_iter()
            .collect(),
    };
    kept.join(sep)
}

/// Lines trimmed, runs of blank lines cut to one.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
            blank = false;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_leave_titles() {
        assert_eq!(
            strip_site("Talks resume in Vienna | Daily Wire", None),
            "Talks resume in Vienna"
        );
        assert_eq!(
            strip_site("خبرگزاری نمونه - از سرگیری مذاکرات در وین", Some("خبرگزاری نمونه")),
            "از سرگیری مذاکرات در وین"
        );
        assert_eq!(strip_site("No separator here", None), "No separator here");
    }

    #[test]
    fn fragments_lose_markup_and_scripts() {
        let t = html_to_text("<p>One &amp; two.</p><script>var d='2020-01-01';</script><p>Three</p>");
        assert_eq!(t, "One & two.\n\nThree");
    }
}
