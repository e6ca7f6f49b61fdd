//! Writing: request bodies and results for JS (parsed there with `JSON.parse`), from the types
//! `#[derive(Encode)]` generates writers for. The output is what serde_json writes for the
//! same value (a property test checks it), except non-integer numbers, which are written
//! with at most three decimals.

use crate::de::{Int, Json, Text};

/// A JSON text being written. Commas are placed by the writer: the derived code only says
/// where objects, keys and values go.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
    /// Whether a value was just completed in the current object or array.
    after_value: bool,
}

impl Writer {
    /// The text written so far.
    pub fn finish(self) -> String {
        self.out
    }

    fn separate(&mut self) {
        if self.after_value {
            self.out.push(',');
        }
    }

    fn open(&mut self, bracket: char) {
        self.out.push(bracket);
        self.after_value = false;
    }

    fn close(&mut self, bracket: char) {
        self.out.push(bracket);
        self.done();
    }

    /// `{`, at the place of a value.
    pub fn begin_object(&mut self) {
        self.open('{');
    }

    /// `}`.
    pub fn end_object(&mut self) {
        self.close('}');
    }

    /// `[`, at the place of a value.
    pub fn begin_array(&mut self) {
        self.open('[');
    }

    /// `]`.
    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// Before an array item.
    pub fn item(&mut self) {
        self.separate();
        self.after_value = false;
    }

    /// `"key":` inside an object.
    pub fn key(&mut self, key: &str) {
        self.separate();
        self.quoted(key);
        self.out.push(':');
        self.after_value = false;
    }

    fn done(&mut self) {
        self.after_value = true;
    }

    /// A string value.
    pub fn string(&mut self, s: &str) {
        self.quoted(s);
        self.done();
    }

    /// `s` in quotes, escaped as serde_json escapes it.
    fn quoted(&mut self, s: &str) {
        self.out.reserve(s.len() + 2);
        self.out.push('"');
        let mut run = 0;
        for (i, b) in s.bytes().enumerate() {
            let short = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0x00..=0x1f => "",
                _ => continue,
            };
            self.out.push_str(&s[run..i]);
            if short.is_empty() {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.out.push_str("\\u00");
                self.out.push(char::from(HEX[usize::from(b >> 4)]));
                self.out.push(char::from(HEX[usize::from(b & 0xf)]));
            } else {
                self.out.push_str(short);
            }
            run = i + 1;
        }
        self.out.push_str(&s[run..]);
        self.out.push('"');
    }

    /// `null`.
    pub fn null(&mut self) {
        self.out.push_str("null");
        self.done();
    }

    /// `true` or `false`.
    pub fn bool(&mut self, v: bool) {
        self.out.push_str(if v { "true" } else { "false" });
        self.done();
    }

    /// An integer.
    pub fn integer(&mut self, v: i64) {
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = v.unsigned_abs();
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if v < 0 {
            self.out.push('-');
        }
        for d in &digits[at..] {
            self.out.push(char::from(*d));
        }
        self.done();
    }

    /// A number: an integer when it is one, else rounded to three decimals (the values written
    /// are milliseconds); `null` when not finite, as serde_json writes it.
    pub fn number(&mut self, v: f64) {
        const EXACT: f64 = 9_007_199_254_740_992.0;
        if !v.is_finite() {
            return self.null();
        }
        let milli = (v * 1000.0).round();
        if v.fract() == 0.0 || milli.abs() >= EXACT {
            return self.integer(v.round() as i64);
        }
        let milli = milli as i64;
        let (whole, frac) = (milli / 1000, (milli % 1000).unsigned_abs());
        if milli < 0 && whole == 0 {
            self.out.push('-');
        }
        self.integer(whole);
        if frac != 0 {
            self.out.push('.');
            for d in [frac / 100, frac / 10 % 10, frac % 10] {
                self.out.push(char::from(b'0' + d as u8));
            }
            // At least one digit after the point is not 0, so this stops before the point.
            while self.out.ends_with('0') {
                self.out.pop();
            }
        }
    }

    /// JSON text that is already valid, as is.
    pub fn raw(&mut self, json: &str) {
        self.out.push_str(json);
        self.done();
    }
}

/// A type the writer can write. Derive it with `#[derive(Encode)]`.
pub trait Encode {
    /// Writes `self` at the place of a value.
    fn encode(&self, w: &mut Writer);
}

/// `value` as JSON text.
pub fn to_string<T: Encode + ?Sized>(value: &T) -> String {
    let mut w = Writer::default();
    value.encode(&mut w);
    w.finish()
}

/// `value` as a `serde_json::Value` (tests compare structures with `json!`).
#[cfg(test)]
pub fn to_value<T: Encode + ?Sized>(value: &T) -> serde_json::Value {
    serde_json::from_str(&to_string(value)).unwrap_or(serde_json::Value::Null)
}

impl Encode for str {
    fn encode(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl Encode for String {
    fn encode(&self, w: &mut Writer) {
        w.string(self);
    }
}

impl<T: Encode + ?Sized> Encode for &T {
    fn encode(&self, w: &mut Writer) {
        (**self).encode(w);
    }
}

impl Encode for bool {
    fn encode(&self, w: &mut Writer) {
        w.bool(*self);
    }
}

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl Encode for $t {
            fn encode(&self, w: &mut Writer) {
                w.integer(i64::try_from(*self).unwrap_or(i64::MAX));
            }
        }
    )*};
}
integers!(u16, u32, u64, usize, i64);

impl Encode for f64 {
    fn encode(&self, w: &mut Writer) {
        w.number(*self);
    }
}

impl<T: Encode> Encode for Option<T> {
    fn encode(&self, w: &mut Writer) {
        match self {
            Some(v) => v.encode(w),
            None => w.null(),
        }
    }
}

impl<T: Encode> Encode for [T] {
    fn encode(&self, w: &mut Writer) {
        w.begin_array();
        for item in self {
            w.item();
            item.encode(w);
        }
        w.end_array();
    }
}

impl<T: Encode> Encode for Vec<T> {
    fn encode(&self, w: &mut Writer) {
        self.as_slice().encode(w);
    }
}

impl Encode for Int {
    fn encode(&self, w: &mut Writer) {
        w.integer(self.0);
    }
}

impl Encode for Text {
    fn encode(&self, w: &mut Writer) {
        w.string(&self.0);
    }
}

impl Encode for Json {
    fn encode(&self, w: &mut Writer) {
        w.raw(self.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        let n = |v: f64| to_string(&v);
        assert_eq!(n(500.0), "500");
        assert_eq!(n(-2.0), "-2");
        assert_eq!(n(12.3456), "12.346");
        assert_eq!(n(0.5), "0.5");
        assert_eq!(n(-0.25), "-0.25");
        assert_eq!(n(-1.5), "-1.5");
        assert_eq!(n(1.0004), "1");
        assert_eq!(n(f64::NAN), "null");
        assert_eq!(n(1e300), "9223372036854775807");
        assert_eq!(to_string(&i64::MIN), "-9223372036854775808");
        assert_eq!(to_string(&0u16), "0");
    }

    #[test]
    fn containers_place_their_commas() {
        let v: Vec<Option<Vec<String>>> =
            vec![None, Some(vec![]), Some(vec!["a".into(), "b".into()])];
        assert_eq!(to_string(&v), r#"[null,[],["a","b"]]"#);
        assert_eq!(to_string::<[u16]>(&[]), "[]");
    }
}
