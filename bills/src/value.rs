//! The values of the rows this crate serializes ([`Annotated`] records,
//! [`Annotation`]s, [`SummaryRow`]s): one serializer for all, so that each
//! row type names its columns once.
//!
//! [`Annotated`]: crate::Annotated
//! [`Annotation`]: crate::Annotation
//! [`SummaryRow`]: crate::SummaryRow

use core::fmt;

use serde::ser::{SerializeStruct, Serializer};

use super::BillTime;

/// One value of a serialized row.
#[derive(Clone, Copy)]
pub(crate) enum Value<'a> {
    /// Text, as it is.
    Text(&'a str),
    /// A signed number.
    Number(i64),
    /// A count.
    Count(u64),
    /// A time, as its text.
    Time(BillTime),
    /// Anything else written as its text.
    Shown(&'a dyn fmt::Display),
    /// Nothing to say: JSON `null`, an empty CSV field.
    None,
}

impl<'a> Value<'a> {
    /// `text`, or nothing.
    pub(crate) fn text(text: Option<&'a str>) -> Self {
        text.map_or(Self::None, Self::Text)
    }
}

impl serde::Serialize for Value<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Self::Text(text) => serializer.serialize_str(text),
            Self::Number(number) => serializer.serialize_i64(number),
            Self::Count(count) => serializer.serialize_u64(count),
            Self::Time(time) => time.serialize(serializer),
            Self::Shown(shown) => serializer.collect_str(shown),
            Self::None => serializer.serialize_none(),
        }
    }
}

/// Serializes a row as the struct `name`, its `columns` holding `values`.
pub(crate) fn serialize_row<S: Serializer, const N: usize>(
    serializer: S,
    name: &'static str,
    columns: &[&'static str; N],
    values: [Value<'_>; N],
) -> Result<S::Ok, S::Error> {
    let mut row = serializer.serialize_struct(name, N)?;
    for (column, value) in columns.iter().zip(values) {
        row.serialize_field(column, &value)?;
    }
    row.end()
}
