//! Bytes to text: UTF-8, UTF-16 with a byte-order mark, Windows-1252 and
//! Mac Roman (`--encoding`), never with a silent replacement character.
//!
//! The parser reads UTF-8 text, so every span it reports is a byte offset
//! into the *decoded* text: for a UTF-8 file, the file itself; for any
//! other encoding, the UTF-8 text the file decodes to.

use std::borrow::Cow;

use clap::ValueEnum;
use encoding_rs::{DecoderResult, Encoding};

/// How to read the bytes of a text (`--encoding`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum EncodingArg {
    /// UTF-8, or UTF-16 after a byte-order mark; anything else that is not
    /// valid UTF-8 as Windows-1252 (which maps every byte), said in a
    /// diagnostic.
    #[default]
    Auto,
    /// UTF-8 only: invalid bytes are an error.
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// Windows-1252 (what most 1990s archives are when not UTF-8).
    #[value(name = "windows-1252", alias = "cp1252")]
    Windows1252,
    /// Mac Roman (old Macintosh files; `YeltsinÕs` is Mac Roman read as
    /// Windows-1252).
    #[value(name = "mac-roman", alias = "macintosh", alias = "x-mac-roman")]
    MacRoman,
    /// UTF-16: the byte-order mark gives the byte order; without one,
    /// little-endian.
    #[value(name = "utf-16", alias = "utf16")]
    Utf16,
    /// UTF-16, little-endian (a byte-order mark, if any, is skipped).
    #[value(name = "utf-16le")]
    Utf16Le,
    /// UTF-16, big-endian (a byte-order mark, if any, is skipped).
    #[value(name = "utf-16be")]
    Utf16Be,
}

/// A decoded text and, when it was not UTF-8, what it was decoded from.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text, UTF-8: the bytes themselves when they were UTF-8.
    pub text: Cow<'a, str>,
    /// `None` for UTF-8; otherwise a sentence for the diagnostic, such as
    /// `decoded from windows-1252 (the text is not valid UTF-8)`.
    pub note: Option<String>,
}

/// Why bytes are not text in the encoding asked for.
#[derive(Debug, Clone)]
pub struct DecodeError {
    /// `not UTF-8 text (byte 0x92)`.
    pub message: String,
    /// 1-based line and column of the first bad byte, counted in the text
    /// decoded before it.
    pub position: (usize, usize),
}

const UTF16LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16BE_BOM: &[u8] = b"\xFE\xFF";

/// Decodes `bytes` as `arg` says. A UTF-8 byte-order mark is kept (the
/// parser skips it with its own diagnostic); a UTF-16 one is removed.
pub fn decode(bytes: &[u8], arg: EncodingArg) -> Result<Decoded<'_>, DecodeError> {
    let utf16 = |bytes: &[u8], le: bool, why: &str| {
        let (encoding, bom) = if le {
            (encoding_rs::UTF_16LE, UTF16LE_BOM)
        } else {
            (encoding_rs::UTF_16BE, UTF16BE_BOM)
        };
        let body = bytes.strip_prefix(bom).unwrap_or(bytes);
        strict(body, encoding, bom.len()).map(|text| Decoded {
            text: Cow::Owned(text),
            note: Some(format!("decoded from {} ({why})", encoding.name())),
        })
    };
    match arg {
        EncodingArg::Auto if bytes.starts_with(UTF16LE_BOM) => {
            utf16(bytes, true, "byte-order mark")
        }
        EncodingArg::Auto if bytes.starts_with(UTF16BE_BOM) => {
            utf16(bytes, false, "byte-order mark")
        }
        EncodingArg::Auto => match std::str::from_utf8(bytes) {
            Ok(text) => Ok(Decoded {
                text: Cow::Borrowed(text),
                note: None,
            }),
            Err(_) => Ok(single_byte(
                bytes,
                encoding_rs::WINDOWS_1252,
                "windows-1252",
                "the text is not valid UTF-8",
            )),
        },
        EncodingArg::Utf8 => std::str::from_utf8(bytes)
            .map(|text| Decoded {
                text: Cow::Borrowed(text),
                note: None,
            })
            .map_err(|e| {
                let valid = e.valid_up_to();
                let before =
                    std::str::from_utf8(bytes.get(..valid).unwrap_or_default()).unwrap_or_default();
                let bad = bytes.get(valid).copied().unwrap_or_default();
                DecodeError {
                    message: format!("not UTF-8 text (byte 0x{bad:02x})"),
                    position: end_position(before),
                }
            }),
        EncodingArg::Windows1252 => Ok(single_byte(
            bytes,
            encoding_rs::WINDOWS_1252,
            "windows-1252",
            "--encoding",
        )),
        EncodingArg::MacRoman => Ok(single_byte(
            bytes,
            encoding_rs::MACINTOSH,
            "mac-roman",
            "--encoding",
        )),
        EncodingArg::Utf16 => {
            let le = !bytes.starts_with(UTF16BE_BOM);
            utf16(bytes, le, "--encoding")
        }
        EncodingArg::Utf16Le => utf16(bytes, true, "--encoding"),
        EncodingArg::Utf16Be => utf16(bytes, false, "--encoding"),
    }
}

/// A single-byte encoding that maps every byte: nothing can fail.
fn single_byte<'a>(
    bytes: &'a [u8],
    encoding: &'static Encoding,
    name: &str,
    why: &str,
) -> Decoded<'a> {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text,
        note: Some(format!("decoded from {name} ({why})")),
    }
}

/// Decodes `bytes` (which start `skipped` bytes into the input) with
/// `encoding`, failing at the first malformed sequence instead of writing
/// U+FFFD.
fn strict(
    bytes: &[u8],
    encoding: &'static Encoding,
    skipped: usize,
) -> Result<String, DecodeError> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut text = String::with_capacity(capacity);
    let mut read = 0;
    loop {
        let rest = bytes.get(read..).unwrap_or_default();
        let (result, n) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        read += n;
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => text.reserve(rest.len().max(16)),
            DecoderResult::Malformed(bad, after) => {
                let at = read - usize::from(after) - usize::from(bad);
                let shown: Vec<String> = bytes
                    .get(at..at + usize::from(bad))
                    .unwrap_or_default()
                    .iter()
                    .map(|b| format!("0x{b:02x}"))
                    .collect();
                return Err(DecodeError {
                    message: format!(
                        "not {} text (bytes {} at offset {})",
                        encoding.name(),
                        shown.join(" "),
                        at + skipped
                    ),
                    position: end_position(&text),
                });
            }
        }
    }
}

/// The line and column just after `text`.
fn end_position(text: &str) -> (usize, usize) {
    bulletin::line_column(text, text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(text: &str, le: bool, bom: bool) -> Vec<u8> {
        let mut bytes = Vec::new();
        if bom {
            bytes.extend(if le { UTF16LE_BOM } else { UTF16BE_BOM });
        }
        for unit in text.encode_utf16() {
            bytes.extend(if le {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        bytes
    }

    #[test]
    fn auto_reads_utf8_utf16_and_falls_back_to_windows_1252() {
        let plain = decode("Yeltsin’s".as_bytes(), EncodingArg::Auto).unwrap();
        assert_eq!((plain.text.as_ref(), plain.note), ("Yeltsin’s", None));
        for le in [true, false] {
            let bytes = utf16("Yeltsin’s\n", le, true);
            let d = decode(&bytes, EncodingArg::Auto).unwrap();
            assert_eq!(d.text, "Yeltsin’s\n", "the byte-order mark is removed");
            let name = if le { "UTF-16LE" } else { "UTF-16BE" };
            assert_eq!(
                d.note.unwrap(),
                format!("decoded from {name} (byte-order mark)")
            );
        }
        let d = decode(b"Yeltsin\x92s \x81", EncodingArg::Auto).unwrap();
        // 0x81 is not assigned in Windows-1252: WHATWG maps it to U+0081.
        assert_eq!(d.text, "Yeltsin’s \u{81}");
        assert!(d.note.unwrap().contains("windows-1252"));
        assert!(!d.text.contains('\u{FFFD}'));
    }

    #[test]
    fn explicit_encodings() {
        let d = decode(b"Yeltsin\xd5s", EncodingArg::MacRoman).unwrap();
        assert_eq!(d.text, "Yeltsin’s");
        assert_eq!(d.note.unwrap(), "decoded from mac-roman (--encoding)");
        let text = |bytes: Vec<u8>, arg| decode(&bytes, arg).unwrap().text.into_owned();
        assert_eq!(text(utf16("ab", false, false), EncodingArg::Utf16Be), "ab");
        assert_eq!(
            text(utf16("ab", true, false), EncodingArg::Utf16),
            "ab",
            "little-endian without a byte-order mark"
        );
        assert_eq!(
            text(utf16("ab", false, true), EncodingArg::Utf16),
            "ab",
            "the mark says big-endian"
        );
    }

    #[test]
    fn bad_bytes_are_located_errors() {
        let e = decode(b"ok\nCaf\xe9", EncodingArg::Utf8).unwrap_err();
        assert_eq!(e.message, "not UTF-8 text (byte 0xe9)");
        assert_eq!(e.position, (2, 4));
        // An unpaired surrogate after "a\nb".
        let mut bytes = utf16("a\nb", true, true);
        bytes.extend([0x00, 0xd8, b'c', 0]);
        let e = decode(&bytes, EncodingArg::Auto).unwrap_err();
        assert!(e.message.starts_with("not UTF-16LE text"), "{}", e.message);
        assert_eq!(e.position, (2, 2));
        // An odd number of bytes.
        let e = decode(b"\xff\xfea\x00b", EncodingArg::Auto).unwrap_err();
        assert!(e.message.contains("offset 4"), "{}", e.message);
    }
}
