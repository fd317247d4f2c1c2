//! The character set of a page: its byte-order mark, the HTTP header's
//! `charset`, or its `<meta charset>` / `http-equiv` declaration, in that
//! order (the HTML standard's), decoded with `encoding_rs`. Legacy sets that
//! Arabic and Persian sites still serve (`windows-1256`, `ISO-8859-6`) are
//! among them.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How many bytes the `<meta>` prescan looks at (the HTML standard's 1,024).
const PRESCAN_BYTES: usize = 1024;

/// Decodes a page to UTF-8 and says which encoding it used.
///
/// `header` is the `Content-Type` header's value or just its `charset`. An
/// undeclared page is UTF-8 when it is valid UTF-8, else `windows-1252` (the
/// standard's fallback). Malformed sequences become U+FFFD rather than
/// failing: a page with one bad byte still has its text.
pub fn decode(bytes: &[u8], header: Option<&str>) -> (String, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc);
    }
    let declared = header
        .and_then(charset_param)
        .and_then(|l| Encoding::for_label(l.as_bytes()))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(PRESCAN_BYTES)]));
    let enc = match declared {
        // A page cannot really be UTF-16 once it got this far without a BOM; the standard reads it as UTF-8.
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => UTF_8,
        Some(e) => e,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc)
}

/// `charset` of a `Content-Type` value, or the value itself when it is a bare label.
fn charset_param(header: &str) -> Option<String> {
    let lower = header.to_ascii_lowercase();
    match lower.find("charset=") {
        Some(i) => {
            let v = lower[i + "charset=".len()..].trim_start_matches(['"', '\'']);
            let end = v.find(['"', '\'', ';', ' ', ',']).unwrap_or(v.len());
            Some(v[..end].to_string()).filter(|s| !s.is_empty())
        }
        None if !lower.contains('/') && !lower.trim().is_empty() => Some(lower.trim().to_string()),
        None => None,
    }
}

/// The encoding a `<meta charset=…>` or `<meta http-equiv="content-type"
/// content="…; charset=…">` in the page's first bytes names.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let text = String::from_utf8_lossy(&lower);
    let mut rest = text.as_ref();
    while let Some(i) = rest.find("<meta") {
        let tag = &rest[i..];
        let end = tag.find('>').unwrap_or(tag.len());
        let tag_text = &tag[..end];
        if let Some(label) = charset_param(tag_text).filter(|_| tag_text.contains("charset"))
            && let Some(enc) = Encoding::for_label(label.as_bytes())
        {
            return Some(enc);
        }
        rest = &tag[end..];
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_in_order() {
        // "سلام" in windows-1256
        let body = b"<html><head><meta charset=\"windows-1256\"></head><body>\xD3\xE1\xC7\xE3</body></html>";
        let (text, enc) = decode(body, None);
        assert_eq!(enc.name(), "windows-1256");
        assert!(text.contains("سلام"), "{text}");
        // The HTTP header beats the meta tag.
        let (_, enc) = decode(body, Some("text/html; charset=ISO-8859-6"));
        assert_eq!(enc.name(), "ISO-8859-6");
        // The BOM beats both.
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice("<p>سلام</p>".as_bytes());
        let (text, enc) = decode(&bom, Some("text/html; charset=windows-1256"));
        assert_eq!((enc.name(), text.as_str()), ("UTF-8", "<p>سلام</p>"));
        let (_, enc) = decode(
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">",
            None,
        );
        assert_eq!(enc.name(), "windows-1256");
    }

    #[test]
    fn undeclared_pages() {
        assert_eq!(decode("<p>سلام</p>".as_bytes(), None).1.name(), "UTF-8");
        assert_eq!(decode(b"<p>caf\xE9</p>", None).0, "<p>café</p>");
    }
}
