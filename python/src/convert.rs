//! Any `Serialize` value straight to Python objects, in the shape
//! `json.loads` gives for its `serde_json` text: structs and maps become
//! dicts, sequences and tuples lists, `None` and unit `None`, enums as
//! serde tags them. No JSON text is built in between.
//!
//! Because it goes through serde, the dicts follow the syntax tree's serde
//! attributes (renames, tags, skipped fields) without a second description
//! of the tree here: a key added to the JSON appears in Python too.
//!
//! It is `pythonize` made faster for this tree (see `python/BENCH.md`): a
//! struct's field names are `&'static str`, so each becomes a Python string
//! once per thread and is reused (with its cached hash) for every dict, and
//! lists are filled in place.

use std::cell::RefCell;
use std::fmt;

use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};
use serde::ser::{self, Serialize};

/// `value` as Python objects.
pub fn to_python<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    STRINGS.with(|strings| value.serialize(ToPy { py, strings }).map_err(|Error(e)| e))
}

/// A Python error on its way through serde.
pub struct Error(PyErr);

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(PyValueError::new_err(msg.to_string()))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error(e)
    }
}

type Result<T> = std::result::Result<T, Error>;

/// Python strings made before, reused: every dict key, and short values
/// (tags such as `"paragraph"`, outlet names, dates), which recur from one
/// article to the next. Python strings are immutable, so sharing one is
/// invisible but for `is`. Both tables are direct-mapped: a slot holds the
/// last string that mapped to it.
struct Strings {
    /// Field names by address and length (they are `&'static str`).
    keys: Vec<Option<(usize, usize, Py<PyString>)>>,
    /// Values shorter than [`SHORT`] bytes, by content.
    short: Vec<Option<([u8; SHORT], Py<PyString>)>>,
}

const KEY_SLOTS: usize = 512;
const SHORT_SLOTS: usize = 1024;
/// One more than the longest value the table of short strings holds.
const SHORT: usize = 16;

impl Strings {
    fn new() -> Self {
        Strings {
            keys: (0..KEY_SLOTS).map(|_| None).collect(),
            short: (0..SHORT_SLOTS).map(|_| None).collect(),
        }
    }

    /// The Python string for field name `name`.
    fn key<'py>(&mut self, py: Python<'py>, name: &'static str) -> Bound<'py, PyString> {
        let (address, len) = (name.as_ptr() as usize, name.len());
        let slot = ((address >> 1) ^ len.wrapping_mul(0x9E37)) % KEY_SLOTS;
        if let Some(Some((a, l, key))) = self.keys.get(slot) {
            if (*a, *l) == (address, len) {
                return key.bind(py).clone();
            }
        }
        let key = PyString::intern(py, name);
        if let Some(entry) = self.keys.get_mut(slot) {
            *entry = Some((address, len, key.clone().unbind()));
        }
        key
    }

    /// The Python string for `value`.
    fn value<'py>(&mut self, py: Python<'py>, value: &str) -> Bound<'py, PyString> {
        // The value padded with zeros, its length in the last byte: equal
        // arrays, equal strings.
        let mut bytes = [0u8; SHORT];
        let Some(head) = bytes.get_mut(..value.len()).filter(|_| value.len() < SHORT) else {
            return PyString::new(py, value);
        };
        head.copy_from_slice(value.as_bytes());
        bytes[SHORT - 1] = value.len() as u8;
        let word = u128::from_le_bytes(bytes);
        let mixed = ((word >> 64) as u64 ^ word as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let slot = (mixed >> 40) as usize % SHORT_SLOTS;
        if let Some(Some((b, string))) = self.short.get(slot) {
            if *b == bytes {
                return string.bind(py).clone();
            }
        }
        let string = PyString::new(py, value);
        if let Some(entry) = self.short.get_mut(slot) {
            *entry = Some((bytes, string.clone().unbind()));
        }
        string
    }
}

thread_local! {
    /// This thread's strings (a thread that converts holds the GIL).
    static STRINGS: RefCell<Strings> = RefCell::new(Strings::new());
}

/// The serializer: one value to one Python object.
#[derive(Clone, Copy)]
struct ToPy<'a, 'py> {
    py: Python<'py>,
    strings: &'a RefCell<Strings>,
}

impl<'a, 'py> ToPy<'a, 'py> {
    /// The Python string for field name `name`.
    fn key(self, name: &'static str) -> Bound<'py, PyString> {
        self.strings.borrow_mut().key(self.py, name)
    }

    fn value<T: Serialize + ?Sized>(self, value: &T) -> Result<Bound<'py, PyAny>> {
        value.serialize(self)
    }

    fn int(self, v: impl IntoPyObject<'py>) -> Result<Bound<'py, PyAny>> {
        v.into_bound_py_any(self.py).map_err(Error)
    }

    /// `{variant: value}`, serde's external tag.
    fn tagged(self, variant: &'static str, value: Bound<'py, PyAny>) -> Result<Bound<'py, PyAny>> {
        let dict = PyDict::new(self.py);
        dict.set_item(self.key(variant), value)?;
        Ok(dict.into_any())
    }
}

impl<'a, 'py> ser::Serializer for ToPy<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Variant<Seq<'a, 'py>>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Struct<'a, 'py>;
    type SerializeStructVariant = Variant<Struct<'a, 'py>>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok> {
        Ok(PyBool::new(self.py, v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_i128(self, v: i128) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_u128(self, v: u128) -> Result<Self::Ok> {
        self.int(v)
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok> {
        // serde_json writes non-finite numbers as null.
        if v.is_finite() {
            Ok(PyFloat::new(self.py, v).into_any())
        } else {
            self.serialize_unit()
        }
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok> {
        Ok(self.strings.borrow_mut().value(self.py, v).into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok> {
        // serde_json writes bytes as an array of numbers.
        Ok(PyList::new(self.py, v)?.into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok> {
        Ok(self.py.None().into_bound(self.py))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok> {
        Ok(self.key(variant).into_any())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let value = self.value(value)?;
        self.tagged(variant, value)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq<'a, 'py>> {
        Ok(Seq {
            to: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq<'a, 'py>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Seq<'a, 'py>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Ok(Variant {
            variant,
            inner: self.serialize_seq(Some(len))?,
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Map<'a, 'py>> {
        Ok(Map {
            to: self,
            dict: PyDict::new(self.py),
            key: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Struct<'a, 'py>> {
        Ok(Struct {
            to: self,
            dict: PyDict::new(self.py),
        })
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Ok(Variant {
            variant,
            inner: self.serialize_struct(name, len)?,
        })
    }
}

/// A sequence or tuple: a list.
pub struct Seq<'a, 'py> {
    to: ToPy<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
}

impl<'a, 'py> Seq<'a, 'py> {
    fn push<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.items.push(self.to.value(value)?);
        Ok(())
    }
    fn list(self) -> Result<Bound<'py, PyAny>> {
        Ok(PyList::new(self.to.py, self.items)?.into_any())
    }
}

impl<'a, 'py> ser::SerializeSeq for Seq<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.list()
    }
}

impl<'a, 'py> ser::SerializeTuple for Seq<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.list()
    }
}

impl<'a, 'py> ser::SerializeTupleStruct for Seq<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.list()
    }
}

/// A struct: a dict keyed by the cached field names.
pub struct Struct<'a, 'py> {
    to: ToPy<'a, 'py>,
    dict: Bound<'py, PyDict>,
}

impl<'a, 'py> ser::SerializeStruct for Struct<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        let value = self.to.value(value)?;
        self.dict.set_item(self.to.key(name), value)?;
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}

/// A map: a dict; keys become strings, as JSON has them.
pub struct Map<'a, 'py> {
    to: ToPy<'a, 'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
}

impl<'a, 'py> ser::SerializeMap for Map<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        let key = self.to.value(key)?;
        // serde_json writes number and bool keys as strings.
        self.key = Some(if key.is_instance_of::<PyString>() {
            key
        } else if key.is_instance_of::<PyBool>() {
            PyString::new(self.to.py, if key.is_truthy()? { "true" } else { "false" }).into_any()
        } else {
            key.str()?.into_any()
        });
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        let value = self.to.value(value)?;
        match self.key.take() {
            Some(key) => self.dict.set_item(key, value)?,
            None => return Err(ser::Error::custom("a map value without a key")),
        }
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        Ok(self.dict.into_any())
    }
}

/// An externally tagged tuple or struct variant: `{variant: inner}`.
pub struct Variant<I> {
    variant: &'static str,
    inner: I,
}

impl<'a, 'py> ser::SerializeTupleVariant for Variant<Seq<'a, 'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.inner.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        let to = self.inner.to;
        to.tagged(self.variant, self.inner.list()?)
    }
}

impl<'a, 'py> ser::SerializeStructVariant for Variant<Struct<'a, 'py>> {
    type Ok = Bound<'py, PyAny>;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        ser::SerializeStruct::serialize_field(&mut self.inner, name, value)
    }
    fn end(self) -> Result<Self::Ok> {
        let to = self.inner.to;
        to.tagged(self.variant, self.inner.dict.into_any())
    }
}
