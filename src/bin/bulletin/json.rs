//! Articles written as JSON into a reused buffer, with leading keys
//! (`"path"`, `"id"`, `"index"`) put first, compact (JSON Lines) or
//! pretty-printed at any depth (an element of an array), without building
//! the JSON twice.
//!
//! Both are serde_json's layouts, written through its serializer with a
//! formatter of our own. (A serializer of our own for the compact layout,
//! writing each `,"key":` at once and scanning strings eight bytes at a
//! time, measured no faster than serde_json: the time goes to the walk
//! over the tree and to the bytes, not to serde_json's writes.)

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::Formatter;

/// A key written first, with its value as JSON.
#[derive(Debug, Clone, Copy)]
pub struct Lead<'a> {
    /// The key.
    pub key: &'static str,
    /// The value, already JSON (a string with its quotes, a number).
    pub value: &'a [u8],
}

/// Appends `value` as compact JSON, `lead` keys first (`value` must
/// serialize as an object when `lead` is not empty).
pub fn compact(
    buf: &mut Vec<u8>,
    value: &impl Serialize,
    lead: &[Lead<'_>],
) -> serde_json::Result<()> {
    let formatter = Compact {
        lead,
        started: false,
    };
    value.serialize(&mut serde_json::Serializer::with_formatter(buf, formatter))
}

/// Appends `value` pretty-printed (two spaces), as it would stand `level`
/// levels deep, `lead` keys first.
pub fn pretty(
    buf: &mut Vec<u8>,
    value: &impl Serialize,
    lead: &[Lead<'_>],
    level: usize,
) -> serde_json::Result<()> {
    let formatter = Pretty {
        lead,
        started: false,
        level,
        has_value: false,
    };
    value.serialize(&mut serde_json::Serializer::with_formatter(buf, formatter))
}

/// Appends `text` as a JSON string.
pub fn string(buf: &mut Vec<u8>, text: &str) {
    // Writing into a vector cannot fail.
    let _ = serde_json::to_writer(&mut *buf, text);
}

/// Appends `n` as a JSON number.
pub fn number(buf: &mut Vec<u8>, n: usize) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// serde_json's compact layout, with the lead keys after the first `{`.
struct Compact<'a> {
    lead: &'a [Lead<'a>],
    started: bool,
}

impl Formatter for Compact<'_> {
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b"{")?;
        if !self.started {
            self.started = true;
            for lead in self.lead {
                w.write_all(b"\"")?;
                w.write_all(lead.key.as_bytes())?;
                w.write_all(b"\":")?;
                w.write_all(lead.value)?;
                w.write_all(b",")?;
            }
        }
        Ok(())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.started = true;
        w.write_all(b"[")
    }
}

/// serde_json's `PrettyFormatter` (two spaces), starting `level` deep, with
/// the lead keys after the first `{`.
struct Pretty<'a> {
    lead: &'a [Lead<'a>],
    started: bool,
    level: usize,
    has_value: bool,
}

impl Pretty<'_> {
    fn newline<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        w.write_all(b"\n")?;
        for _ in 0..self.level {
            w.write_all(b"  ")?;
        }
        Ok(())
    }
}

impl Formatter for Pretty<'_> {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.started = true;
        self.level += 1;
        self.has_value = false;
        w.write_all(b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(b"{")?;
        if !self.started {
            self.started = true;
            for lead in self.lead {
                self.newline(w)?;
                w.write_all(b"\"")?;
                w.write_all(lead.key.as_bytes())?;
                w.write_all(b"\": ")?;
                w.write_all(lead.value)?;
                w.write_all(b",")?;
            }
        }
        Ok(())
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.newline(w)?;
        }
        w.write_all(b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        if !first {
            w.write_all(b",")?;
        }
        self.newline(w)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Sample {
        title: &'static str,
        body: Vec<serde_json::Value>,
        notes: Vec<u8>,
        footer: serde_json::Value,
        header: Option<u8>,
    }

    #[test]
    fn the_layouts_are_serde_jsons_with_the_lead_keys_first() {
        let value = Sample {
            title: "A \"quoted\" title",
            body: vec![serde_json::json!({"kind": "p", "n": [1, 2]})],
            notes: vec![],
            footer: serde_json::json!({}),
            header: None,
        };
        let lead = [
            Lead {
                key: "path",
                value: b"\"a.txt\"",
            },
            Lead {
                key: "index",
                value: b"3",
            },
        ];
        let mut buf = Vec::new();
        compact(&mut buf, &value, &[]).unwrap();
        assert_eq!(buf, serde_json::to_vec(&value).unwrap());
        buf.clear();
        compact(&mut buf, &value, &lead).unwrap();
        let expected = serde_json::to_string(&value).unwrap().replacen(
            '{',
            "{\"path\":\"a.txt\",\"index\":3,",
            1,
        );
        assert_eq!(String::from_utf8(buf.clone()).unwrap(), expected);

        buf.clear();
        pretty(&mut buf, &value, &[], 0).unwrap();
        assert_eq!(buf, serde_json::to_vec_pretty(&value).unwrap());
        buf.clear();
        pretty(&mut buf, &value, &lead, 1).unwrap();
        let expected = serde_json::to_string_pretty(&value)
            .unwrap()
            .replacen("{\n", "{\n  \"path\": \"a.txt\",\n  \"index\": 3,\n", 1)
            .replace('\n', "\n  ");
        assert_eq!(String::from_utf8(buf).unwrap(), expected);
    }
}
