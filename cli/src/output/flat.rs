//! Rows of text, integers and nulls, walked field by field: the serde
//! plumbing of the writers that take such rows faster than through
//! `serde_json::Value` (JSON lines, table cells). Every other shape (a
//! nested value, a boolean, a float) is [`NotFlat`], and those writers
//! hand it to `serde_json`, so that what they write never depends on
//! which way a row went.

use std::fmt;

use serde::Serialize;
use serde::ser::{self, Impossible, SerializeStruct};

/// What a row's fields are given to, in order.
pub trait Sink {
    /// The row's field `index` (from 0) begins, named `name`; its value
    /// comes next. A sink that does not take it says [`NotFlat`].
    fn field(&mut self, index: usize, name: &'static str) -> Result<(), NotFlat>;
    /// The field's value is `text`.
    fn text(&mut self, text: &str);
    /// The field's value is an integer, written `digits`.
    fn integer(&mut self, digits: &str);
    /// The field has no value (`None`).
    fn null(&mut self);
}

/// Gives the fields of `row` to `sink`, in order: how many there were.
///
/// # Errors
///
/// [`NotFlat`] if `row` is not a struct whose fields are text, integers
/// or options of them, or `sink` does not take a field: what `sink` was
/// given until then is of no use.
pub fn walk(row: &(impl Serialize + ?Sized), sink: &mut impl Sink) -> Result<usize, NotFlat> {
    row.serialize(Row { sink })
}

/// What is not a flat row, or not one the sink takes.
#[derive(Debug)]
pub struct NotFlat;

impl fmt::Display for NotFlat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not a row of text, numbers and nulls")
    }
}

impl std::error::Error for NotFlat {}

impl ser::Error for NotFlat {
    fn custom<T: fmt::Display>(_: T) -> Self {
        NotFlat
    }
}

/// The row: a struct whose fields are [`Value`]s.
struct Row<'s, S> {
    sink: &'s mut S,
}

/// The fields given so far.
struct Fields<'s, S> {
    sink: &'s mut S,
    /// How many.
    given: usize,
}

/// A field's value: text, an integer, or nothing.
struct Value<'s, S> {
    sink: &'s mut S,
}

impl<S: Sink> SerializeStruct for Fields<'_, S> {
    type Ok = usize;
    type Error = NotFlat;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
    ) -> Result<(), NotFlat> {
        self.sink.field(self.given, name)?;
        self.given += 1;
        value.serialize(Value {
            sink: &mut *self.sink,
        })
    }

    fn end(self) -> Result<usize, NotFlat> {
        Ok(self.given)
    }
}

/// Every method of a [`ser::Serializer`] that a flat row or value does not
/// use: not flat.
macro_rules! not_flat {
    ($($method:ident($($argument:ty),*);)*) => {
        $(fn $method(self, $(_: $argument),*) -> Result<Self::Ok, NotFlat> {
            Err(NotFlat)
        })*
    };
}

/// The compound kinds neither a row nor a value is.
macro_rules! no_compounds {
    () => {
        type SerializeSeq = Impossible<Self::Ok, NotFlat>;
        type SerializeTuple = Impossible<Self::Ok, NotFlat>;
        type SerializeTupleStruct = Impossible<Self::Ok, NotFlat>;
        type SerializeTupleVariant = Impossible<Self::Ok, NotFlat>;
        type SerializeMap = Impossible<Self::Ok, NotFlat>;
        type SerializeStructVariant = Impossible<Self::Ok, NotFlat>;

        fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotFlat> {
            Err(NotFlat)
        }

        fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotFlat> {
            Err(NotFlat)
        }

        fn serialize_tuple_struct(
            self,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleStruct, NotFlat> {
            Err(NotFlat)
        }

        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeTupleVariant, NotFlat> {
            Err(NotFlat)
        }

        fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotFlat> {
            Err(NotFlat)
        }

        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Self::SerializeStructVariant, NotFlat> {
            Err(NotFlat)
        }

        fn serialize_newtype_struct<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: &T,
        ) -> Result<Self::Ok, NotFlat> {
            Err(NotFlat)
        }

        fn serialize_newtype_variant<T: Serialize + ?Sized>(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: &T,
        ) -> Result<Self::Ok, NotFlat> {
            Err(NotFlat)
        }

        not_flat! {
            serialize_bool(bool);
            serialize_i8(i8);
            serialize_i16(i16);
            serialize_i32(i32);
            serialize_u8(u8);
            serialize_u16(u16);
            serialize_u32(u32);
            serialize_f32(f32);
            serialize_f64(f64);
            serialize_char(char);
            serialize_bytes(&[u8]);
            serialize_unit();
            serialize_unit_struct(&'static str);
            serialize_unit_variant(&'static str, u32, &'static str);
        }
    };
}

impl<'s, S: Sink> ser::Serializer for Row<'s, S> {
    type Ok = usize;
    type Error = NotFlat;
    type SerializeStruct = Fields<'s, S>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Fields<'s, S>, NotFlat> {
        Ok(Fields {
            sink: self.sink,
            given: 0,
        })
    }

    no_compounds!();

    not_flat! {
        serialize_i64(i64);
        serialize_u64(u64);
        serialize_str(&str);
        serialize_none();
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<usize, NotFlat> {
        Err(NotFlat)
    }
}

impl<S: Sink> ser::Serializer for Value<'_, S> {
    type Ok = ();
    type Error = NotFlat;
    type SerializeStruct = Impossible<Self::Ok, NotFlat>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, NotFlat> {
        Err(NotFlat)
    }

    no_compounds!();

    fn serialize_i64(self, number: i64) -> Result<(), NotFlat> {
        self.sink.integer(itoa::Buffer::new().format(number));
        Ok(())
    }

    fn serialize_u64(self, number: u64) -> Result<(), NotFlat> {
        self.sink.integer(itoa::Buffer::new().format(number));
        Ok(())
    }

    fn serialize_str(self, text: &str) -> Result<(), NotFlat> {
        self.sink.text(text);
        Ok(())
    }

    fn serialize_none(self) -> Result<(), NotFlat> {
        self.sink.null();
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), NotFlat> {
        value.serialize(self)
    }
}

/// A row of the shape the bill rows have, for the writers' tests: text, a
/// count, a number that may be negative, and text that may be missing.
#[cfg(test)]
pub mod test_row {
    use serde::Serialize;

    pub struct Row<'a> {
        pub name: &'a str,
        pub count: u64,
        pub change: i64,
        pub note: Option<&'a str>,
    }

    /// Its fields' names, in order.
    pub const COLUMNS: &[&str] = &["name", "count", "change", "note"];

    impl Serialize for Row<'_> {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeStruct;
            let mut row = serializer.serialize_struct("Row", 4)?;
            row.serialize_field("name", self.name)?;
            row.serialize_field("count", &self.count)?;
            row.serialize_field("change", &self.change)?;
            row.serialize_field("note", &self.note)?;
            row.end()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_row::Row;
    use super::*;

    /// What a sink was given, as text.
    #[derive(Default)]
    struct Given(Vec<String>);

    impl Sink for Given {
        fn field(&mut self, index: usize, name: &'static str) -> Result<(), NotFlat> {
            self.0.push(format!("{index} {name}"));
            Ok(())
        }

        fn text(&mut self, text: &str) {
            self.0.push(format!("text {text}"));
        }

        fn integer(&mut self, digits: &str) {
            self.0.push(format!("integer {digits}"));
        }

        fn null(&mut self) {
            self.0.push("null".into());
        }
    }

    #[test]
    fn a_flat_row_gives_each_field_in_order() {
        let row = Row {
            name: "示忙",
            count: u64::MAX,
            change: i64::MIN,
            note: None,
        };
        let mut given = Given::default();
        assert_eq!(walk(&row, &mut given).unwrap(), 4);
        assert_eq!(
            given.0,
            [
                "0 name",
                "text 示忙",
                "1 count",
                "integer 18446744073709551615",
                "2 change",
                "integer -9223372036854775808",
                "3 note",
                "null"
            ]
        );
        let mut given = Given::default();
        let row = Row {
            note: Some("ok"),
            ..row
        };
        walk(&row, &mut given).unwrap();
        assert_eq!(given.0[7], "text ok");
    }

    #[test]
    fn any_other_shape_is_not_flat() {
        #[derive(Serialize)]
        struct Flag {
            flag: bool,
        }
        #[derive(Serialize)]
        struct Ratio {
            ratio: f64,
        }
        #[derive(Serialize)]
        struct List {
            list: Vec<u8>,
        }
        #[derive(Serialize)]
        struct Small {
            small: i32,
        }
        #[derive(Serialize)]
        struct Nested {
            row: Small,
        }
        let mut given = Given::default();
        assert!(walk(&Flag { flag: true }, &mut given).is_err());
        assert!(walk(&Ratio { ratio: 0.5 }, &mut given).is_err());
        assert!(walk(&List { list: vec![1] }, &mut given).is_err());
        assert!(walk(&Small { small: 7 }, &mut given).is_err());
        assert!(
            walk(
                &Nested {
                    row: Small { small: 7 }
                },
                &mut given
            )
            .is_err()
        );
        assert!(walk("text", &mut given).is_err());
        assert!(walk(&7_u64, &mut given).is_err());
        assert!(walk(&Some("text"), &mut given).is_err());
    }

    #[test]
    fn a_sink_that_refuses_a_field_ends_the_walk() {
        struct Refuses;
        impl Sink for Refuses {
            fn field(&mut self, index: usize, _: &'static str) -> Result<(), NotFlat> {
                if index == 2 { Err(NotFlat) } else { Ok(()) }
            }
            fn text(&mut self, _: &str) {}
            fn integer(&mut self, _: &str) {}
            fn null(&mut self) {}
        }
        let row = Row {
            name: "a",
            count: 1,
            change: 2,
            note: None,
        };
        assert!(walk(&row, &mut Refuses).is_err());
    }
}
