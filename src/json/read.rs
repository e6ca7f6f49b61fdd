//! Reading: caller arguments (as `JSON.stringify` text) and server answers are decoded into
//! the types `#[derive(Decode)]` generates readers for.
//!
//! It replaces serde_json's deserializer, which cost about 80 KB of the module (a copy of its
//! visitors per type). What it keeps from it: the same grammar (RFC 8259, no trailing text,
//! nesting limited to 128 levels), missing, unknown and duplicate fields reported, and the
//! path of the first problem (`result[0].callid`, `.` for the whole text). A property test
//! (`tests/fuzz_decoders.rs`) checks acceptance and paths against serde_json.
//!
//! The reader never recurses without a bound and never panics on any input.

use std::borrow::Cow;
use std::fmt;

/// Deepest nesting accepted (serde_json's limit).
pub const MAX_DEPTH: usize = 128;

/// What kind of problem a [`DecodeError`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Not JSON (syntax, nesting, trailing text).
    Syntax,
    /// A required field is absent (`message` names it).
    Missing,
    /// A field the type does not have (the path ends with it).
    Unknown,
    /// A value of the wrong type or out of range, or a field given twice.
    Invalid,
}

/// Where and why a JSON text did not decode. Boxed, so that a decoder's `Result` stays
/// small on the success path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError(Box<Detail>);

/// What a [`DecodeError`] says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    /// Path of the problem (`result[0].callid`), `.` for the top level.
    pub path: String,
    /// What was wrong.
    pub message: String,
    /// The kind of problem.
    pub problem: Problem,
    /// For [`Problem::Missing`], the missing field's name.
    pub field: Option<&'static str>,
}

impl std::ops::Deref for DecodeError {
    type Target = Detail;
    fn deref(&self) -> &Detail {
        &self.0
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at `{}`", self.message, self.path)
    }
}

impl DecodeError {
    fn new(problem: Problem, message: impl Into<String>) -> Self {
        Self(Box::new(Detail {
            path: ".".to_owned(),
            message: message.into(),
            problem,
            field: None,
        }))
    }

    /// The error's parts.
    pub fn into_detail(self) -> Detail {
        *self.0
    }

    /// A value that is not what the type expects.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(Problem::Invalid, message)
    }

    /// A required field that is absent.
    pub fn missing_field(name: &'static str) -> Self {
        let mut e = Self::new(Problem::Missing, format!("missing field `{name}`"));
        e.0.field = Some(name);
        e
    }

    /// A field the type does not have; the path ends with it.
    pub fn unknown_field(name: &str) -> Self {
        Self::new(Problem::Unknown, format!("unknown field `{name}`")).in_field(name)
    }

    /// The error seen from the object holding `name`.
    #[inline(never)]
    pub fn in_field(self, name: &str) -> Self {
        self.within(name)
    }

    /// The error seen from the array holding it at `index`.
    #[inline(never)]
    fn in_item(self, index: usize) -> Self {
        self.within(&format!("[{index}]"))
    }

    /// The path with `segment` (a field name or `[index]`) in front.
    fn within(mut self, segment: &str) -> Self {
        if self.problem == Problem::Syntax {
            return self; // broken JSON is a fault of the whole text
        }
        self.0.path = match self.path.as_str() {
            "." => segment.to_owned(),
            p if p.starts_with('[') => format!("{segment}{p}"),
            p => format!("{segment}.{p}"),
        };
        self
    }
}

/// A type the reader can produce. Derive it with `#[derive(Decode)]` for structs.
pub trait Decode<'de>: Sized {
    /// Reads one value.
    fn decode(r: &mut Reader<'de>) -> Result<Self, DecodeError>;
    /// The value of an absent field, if the type has one (`Option` does: `None`).
    fn absent() -> Option<Self> {
        None
    }
}

/// Decodes the whole of `json` as `T`; text after the value is an error.
pub fn from_str<'de, T: Decode<'de>>(json: &'de str) -> Result<T, DecodeError> {
    let mut r = Reader::new(json);
    let value = T::decode(&mut r)?;
    r.skip_ws();
    if r.pos < r.bytes.len() {
        return Err(r.syntax("trailing characters"));
    }
    Ok(value)
}

/// Decodes a `serde_json::Value` (tests build their inputs with `json!`).
#[cfg(test)]
pub fn from_value<T: for<'de> Decode<'de>>(value: serde_json::Value) -> Result<T, DecodeError> {
    from_str(&value.to_string())
}

/// Reads a field's value into its slot (used by the derived code).
#[inline(never)]
pub fn field<'de, T: Decode<'de>>(
    r: &mut Reader<'de>,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), DecodeError> {
    if slot.is_some() {
        return Err(DecodeError::invalid(format!("duplicate field `{name}`")).in_field(name));
    }
    *slot = Some(T::decode(r).map_err(|e| e.in_field(name))?);
    Ok(())
}

/// The index of the field `key` names in `fields` (each entry: the name, then aliases).
pub fn field_index(key: &str, fields: &[&[&str]]) -> Option<usize> {
    fields.iter().position(|names| names.contains(&key))
}

/// A field's decoded value, its absent value, or a missing-field error (derived code).
pub fn take<'de, T: Decode<'de>>(slot: Option<T>, name: &'static str) -> Result<T, DecodeError> {
    match slot {
        Some(v) => Ok(v),
        None => T::absent().ok_or_else(|| DecodeError::missing_field(name)),
    }
}

/// The kind of the next value, for "expected … , found …" messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Null => "null",
            Kind::Bool => "boolean",
            Kind::Number => "number",
            Kind::String => "string",
            Kind::Array => "array",
            Kind::Object => "object",
        }
    }
}

/// A JSON number as written, split into its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Number<'de> {
    /// The number's text.
    pub text: &'de str,
    /// Written as a plain integer (no fraction, no exponent).
    pub integer: bool,
}

impl Number<'_> {
    /// The exact integer value, if the number is an integer that fits an `i64`
    /// (`7`, `-1`, `7.0`, `1e3`; not `1.5`).
    pub fn as_i64(&self) -> Option<i64> {
        if self.integer {
            return self.text.parse().ok();
        }
        let (mantissa, exp) = match self.text.find(['e', 'E']) {
            Some(i) => (&self.text[..i], self.text[i + 1..].parse::<i32>().ok()?),
            None => (self.text, 0),
        };
        let negative = mantissa.starts_with('-');
        let unsigned = mantissa.trim_start_matches('-');
        let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
        let mut digits: String = [int, frac].concat();
        let mut exp = exp.checked_sub(i32::try_from(frac.len()).ok()?)?;
        while exp < 0 && digits.ends_with('0') {
            digits.pop();
            exp += 1;
        }
        if exp < 0 {
            return None;
        }
        let mut value: i64 = digits.parse().ok()?;
        for _ in 0..exp {
            if value == 0 {
                break;
            }
            value = value.checked_mul(10)?;
        }
        Some(if negative { -value } else { value })
    }
}

/// A cursor over JSON text.
#[derive(Debug)]
pub struct Reader<'de> {
    text: &'de str,
    bytes: &'de [u8],
    pos: usize,
    depth: usize,
}

impl<'de> Reader<'de> {
    /// A reader at the start of `text`.
    pub fn new(text: &'de str) -> Self {
        Self {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
        }
    }

    #[cold]
    #[inline(never)]
    fn syntax(&self, what: &str) -> DecodeError {
        let before = &self.bytes[..self.pos.min(self.bytes.len())];
        let line = before.iter().filter(|b| **b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|b| **b != b'\n').count();
        DecodeError::new(
            Problem::Syntax,
            format!("{what} at line {line} column {column}"),
        )
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The kind of the next value (after whitespace).
    pub fn peek(&mut self) -> Result<Kind, DecodeError> {
        self.skip_ws();
        Ok(match self.bytes.get(self.pos) {
            None => return Err(self.syntax("EOF while parsing a value")),
            Some(b'n') => Kind::Null,
            Some(b't' | b'f') => Kind::Bool,
            Some(b'"') => Kind::String,
            Some(b'[') => Kind::Array,
            Some(b'{') => Kind::Object,
            Some(b'-' | b'0'..=b'9') => Kind::Number,
            Some(_) => return Err(self.syntax("expected value")),
        })
    }

    /// The error for a value of the wrong kind (reads nothing).
    #[cold]
    #[inline(never)]
    pub fn unexpected(&mut self, expected: &str) -> DecodeError {
        match self.peek() {
            Ok(kind) => DecodeError::invalid(format!(
                "invalid type: {}, expected {expected}",
                kind.name()
            )),
            Err(e) => e,
        }
    }

    fn literal(&mut self, word: &str) -> Result<(), DecodeError> {
        if self
            .bytes
            .get(self.pos..)
            .is_some_and(|rest| rest.starts_with(word.as_bytes()))
        {
            self.pos += word.len();
            Ok(())
        } else {
            Err(self.syntax("expected value"))
        }
    }

    /// Reads `null` if it is next; `Ok(false)` (and nothing read) otherwise.
    pub fn null(&mut self) -> Result<bool, DecodeError> {
        if self.peek()? == Kind::Null {
            self.literal("null")?;
            return Ok(true);
        }
        Ok(false)
    }

    /// Reads a boolean.
    pub fn bool(&mut self) -> Result<bool, DecodeError> {
        if self.peek()? != Kind::Bool {
            return Err(self.unexpected("a boolean"));
        }
        if self.bytes.get(self.pos) == Some(&b't') {
            self.literal("true").map(|()| true)
        } else {
            self.literal("false").map(|()| false)
        }
    }

    /// Reads a number (the next value must be one).
    pub fn number(&mut self) -> Result<Number<'de>, DecodeError> {
        if self.peek()? != Kind::Number {
            return Err(self.unexpected("a number"));
        }
        let start = self.pos;
        let b = self.bytes;
        let digits = |pos: &mut usize| {
            let from = *pos;
            while let Some(b'0'..=b'9') = b.get(*pos) {
                *pos += 1;
            }
            *pos - from
        };
        let mut pos = self.pos;
        if b.get(pos) == Some(&b'-') {
            pos += 1;
        }
        let leading_zero = b.get(pos) == Some(&b'0');
        let int_digits = digits(&mut pos);
        if int_digits == 0 {
            self.pos = pos;
            return Err(self.syntax("invalid number"));
        }
        if leading_zero && int_digits > 1 {
            self.pos = pos - int_digits + 1;
            return Err(self.syntax("invalid number"));
        }
        let mut integer = true;
        if b.get(pos) == Some(&b'.') {
            pos += 1;
            integer = false;
            if digits(&mut pos) == 0 {
                self.pos = pos;
                return Err(self.syntax("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = b.get(pos) {
            pos += 1;
            integer = false;
            if let Some(b'+' | b'-') = b.get(pos) {
                pos += 1;
            }
            if digits(&mut pos) == 0 {
                self.pos = pos;
                return Err(self.syntax("invalid number"));
            }
        }
        self.pos = pos;
        Ok(Number {
            text: &self.text[start..pos],
            integer,
        })
    }

    /// Reads a string (the next value must be one), borrowed when it has no escapes. A lone
    /// surrogate escape (`"\ud800"`) is an error: a Rust string cannot hold it.
    pub fn string(&mut self) -> Result<Cow<'de, str>, DecodeError> {
        self.read_string(false)
    }

    /// Like [`string`](Self::string), but a lone surrogate becomes U+FFFD, as serde_json and
    /// `JSON.parse` accept it in values that are only skipped or passed through.
    pub fn string_lossy(&mut self) -> Result<Cow<'de, str>, DecodeError> {
        self.read_string(true)
    }

    fn read_string(&mut self, lossy: bool) -> Result<Cow<'de, str>, DecodeError> {
        if self.peek()? != Kind::String {
            return Err(self.unexpected("a string"));
        }
        self.pos += 1;
        let mut owned: Option<String> = None;
        let mut run = self.pos;
        loop {
            let Some(&b) = self.bytes.get(self.pos) else {
                return Err(self.syntax("EOF while parsing a string"));
            };
            match b {
                b'"' => {
                    let tail = &self.text[run..self.pos];
                    self.pos += 1;
                    return Ok(match owned {
                        None => Cow::Borrowed(tail),
                        Some(mut s) => {
                            s.push_str(tail);
                            Cow::Owned(s)
                        }
                    });
                }
                b'\\' => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[run..self.pos]);
                    self.pos += 1;
                    s.push(self.escape(lossy)?);
                    run = self.pos;
                }
                0x00..=0x1f => {
                    return Err(self.syntax(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ))
                }
                _ => self.pos += 1,
            }
        }
    }

    /// One escape, after its backslash.
    fn escape(&mut self, lossy: bool) -> Result<char, DecodeError> {
        let Some(&b) = self.bytes.get(self.pos) else {
            return Err(self.syntax("EOF while parsing a string"));
        };
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let pair = (0xD800..0xDC00).contains(&first)
                    && self
                        .bytes
                        .get(self.pos..)
                        .is_some_and(|r| r.starts_with(b"\\u"));
                let code = if pair {
                    let at = self.pos;
                    self.pos += 2;
                    let second = self.hex4()?;
                    if (0xDC00..0xE000).contains(&second) {
                        0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    } else {
                        self.pos = at; // not a pair: the second escape stands alone
                        first
                    }
                } else {
                    first
                };
                match char::from_u32(code) {
                    Some(ch) => ch,
                    None if lossy => char::REPLACEMENT_CHARACTER,
                    None => return Err(self.syntax("lone surrogate in hex escape")),
                }
            }
            _ => return Err(self.syntax("invalid escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32, DecodeError> {
        let mut code = 0;
        for _ in 0..4 {
            let digit = self
                .bytes
                .get(self.pos)
                .and_then(|b| char::from(*b).to_digit(16))
                .ok_or_else(|| self.syntax("invalid escape"))?;
            code = code * 16 + digit;
            self.pos += 1;
        }
        Ok(code)
    }

    /// Enters the object or array that must come next; `Ok(true)` if it is empty (and then
    /// already read to its end).
    fn open(&mut self, kind: Kind, close: u8) -> Result<bool, DecodeError> {
        if self.peek()? != kind {
            let expected = if kind == Kind::Object {
                "an object"
            } else {
                "an array"
            };
            return Err(self.unexpected(expected));
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.syntax("recursion limit exceeded"));
        }
        self.pos += 1;
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&close) {
            self.pos += 1;
            self.depth -= 1;
            return Ok(true);
        }
        Ok(false)
    }

    /// After an item: `Ok(true)` at the closing `close`, `Ok(false)` after a comma.
    fn after_item(&mut self, close: u8, what: &str) -> Result<bool, DecodeError> {
        self.skip_ws();
        match self.bytes.get(self.pos) {
            Some(b',') => {
                self.pos += 1;
                Ok(false)
            }
            Some(&b) if b == close => {
                self.pos += 1;
                self.depth -= 1;
                Ok(true)
            }
            None => Err(self.syntax(&format!("EOF while parsing {what}"))),
            Some(_) => Err(self.syntax(&format!("expected `,` or `{}`", char::from(close)))),
        }
    }

    /// Reads an object, calling `each` with the reader at each member's value; `each` must
    /// read (or [`skip`](Self::skip)) that value. (`dyn`: one copy of the loop for all types.)
    pub fn object(
        &mut self,
        each: &mut dyn FnMut(&mut Self, &str) -> Result<(), DecodeError>,
    ) -> Result<(), DecodeError> {
        if self.open(Kind::Object, b'}')? {
            return Ok(());
        }
        loop {
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b'"') => {}
                None => return Err(self.syntax("EOF while parsing an object")),
                Some(_) => return Err(self.syntax("key must be a string")),
            }
            let key = self.string_lossy()?;
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b':') => self.pos += 1,
                None => return Err(self.syntax("EOF while parsing an object")),
                Some(_) => return Err(self.syntax("expected `:`")),
            }
            each(self, &key)?;
            if self.after_item(b'}', "an object")? {
                return Ok(());
            }
        }
    }

    /// Reads an array, calling `each` with the reader at each item and its index.
    pub fn array(
        &mut self,
        each: &mut dyn FnMut(&mut Self, usize) -> Result<(), DecodeError>,
    ) -> Result<(), DecodeError> {
        if self.open(Kind::Array, b']')? {
            return Ok(());
        }
        let mut index = 0;
        loop {
            each(self, index).map_err(|e| e.in_item(index))?;
            index += 1;
            if self.after_item(b']', "a list")? {
                return Ok(());
            }
        }
    }

    /// Reads past one value of any kind, checking its syntax.
    pub fn skip(&mut self) -> Result<(), DecodeError> {
        match self.peek()? {
            Kind::Null => self.literal("null"),
            Kind::Bool => self.bool().map(drop),
            Kind::Number => self.number().map(drop),
            Kind::String => self.string_lossy().map(drop),
            Kind::Array => self.array(&mut |r, _| r.skip()),
            Kind::Object => self.object(&mut |r, _| r.skip()),
        }
    }

    /// A member the type has no field for: an error if `deny`, else skipped.
    pub fn other_field(&mut self, key: &str, deny: bool) -> Result<(), DecodeError> {
        if deny {
            return Err(DecodeError::unknown_field(key));
        }
        self.skip()
    }

    /// Reads past one value and returns its text as written.
    pub fn raw(&mut self) -> Result<&'de str, DecodeError> {
        self.skip_ws();
        let start = self.pos;
        self.skip()?;
        Ok(&self.text[start..self.pos])
    }
}

/// A JSON value kept as its text (validated), borrowed from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawJson<'de>(pub &'de str);

impl<'de> Decode<'de> for RawJson<'de> {
    fn decode(r: &mut Reader<'de>) -> Result<Self, DecodeError> {
        r.raw().map(RawJson)
    }
}

impl<'de> Decode<'de> for String {
    fn decode(r: &mut Reader<'de>) -> Result<Self, DecodeError> {
        r.string().map(Cow::into_owned)
    }
}

impl<'de> Decode<'de> for bool {
    fn decode(r: &mut Reader<'de>) -> Result<Self, DecodeError> {
        r.bool()
    }
}

impl<'de, T: Decode<'de>> Decode<'de> for Option<T> {
    fn decode(r: &mut Reader<'de>) -> Result<Self, DecodeError> {
        if r.null()? {
            return Ok(None);
        }
        T::decode(r).map(Some)
    }
    fn absent() -> Option<Self> {
        Some(None)
    }
}

impl<'de, T: Decode<'de>> Decode<'de> for Vec<T> {
    fn decode(r: &mut Reader<'de>) -> Result<Self, DecodeError> {
        let mut out = Vec::new();
        r.array(&mut |r, _| {
            out.push(T::decode(r)?);
            Ok(())
        })?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn int(text: &str) -> Option<i64> {
        let mut r = Reader::new(text);
        r.number().ok()?.as_i64()
    }

    #[test]
    fn integers_are_exact() {
        assert_eq!(int("7"), Some(7));
        assert_eq!(int("-1"), Some(-1));
        assert_eq!(int("7.0"), Some(7));
        assert_eq!(int("7.50e1"), Some(75));
        assert_eq!(int("1e3"), Some(1000));
        assert_eq!(int("0e999999"), Some(0));
        assert_eq!(int("-0.0"), Some(0));
        assert_eq!(int("1.5"), None);
        assert_eq!(int("1e-1"), None);
        assert_eq!(int("1e99"), None);
        assert_eq!(int("9223372036854775807"), Some(i64::MAX));
        assert_eq!(int("9223372036854775808"), None);
        assert_eq!(int("1e99999999999"), None);
    }

    #[test]
    fn strings_unescape_and_reject_lone_surrogates() {
        let s = |t: &str| from_str::<String>(t);
        assert_eq!(
            s(r#""a\"b\\c\/\n\u00e9\ud83d\ude00""#).as_deref(),
            Ok("a\"b\\c/\né😀")
        );
        assert_eq!(s(r#""plain""#).as_deref(), Ok("plain"));
        assert!(s(r#""\ud800""#).is_err());
        assert!(s(r#""\ud800\u0041""#).is_err());
        assert!(s("\"a\u{1}\"").is_err());
        assert!(s(r#""\x""#).is_err());
    }

    #[test]
    fn paths_name_the_first_problem() {
        let e = from_str::<Vec<Vec<String>>>(r#"[["a"],["b",1]]"#).unwrap_err();
        assert_eq!(e.path, "[1][1]");
        assert_eq!(e.problem, Problem::Invalid);
        let e = from_str::<Vec<String>>("[\"a\" ").unwrap_err();
        assert_eq!((e.problem, e.path.as_str()), (Problem::Syntax, "."));
        assert!(from_str::<Vec<String>>("[] x").is_err());
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        let mut r = Reader::new(&deep);
        assert!(r.skip().unwrap_err().message.contains("recursion limit"));
    }
}

#[cfg(test)]
mod agreement {
    use super::*;

    /// Corner cases the property test is unlikely to generate, checked against serde_json.
    #[test]
    fn corner_cases_match_serde_json() {
        for text in [
            r#"["\ud800"]"#,
            r#"["\udc00"]"#,
            r#"["\ud800\u0041"]"#,
            r#"["\ud83d\ude00"]"#,
            r#"["\u00"]"#,
            "[\"\u{7f}\"]",
            "[1.]",
            "[.5]",
            "[01]",
            "[-]",
            "[1e]",
            "[1e+]",
            "[-0]",
            "[1E5]",
            "[tru]",
            "[nul]",
            "{\"a\" 1}",
            "{\"a\":1,}",
            "[1,]",
            "{1:1}",
            " \t\n\r[] \n",
            "\u{feff}[]",
            "[]\u{0}",
            "",
            " ",
        ] {
            let ours = from_str::<RawJson>(text).is_ok();
            let reference = serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok();
            assert_eq!(ours, reference, "{text:?}");
        }
    }
}
