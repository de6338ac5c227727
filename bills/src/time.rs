//! The bill's timestamps: `YYYY-MM-DD hh:mm:ss`, a civil date and time
//! without a time zone.

use core::fmt;
use core::str::FromStr;

/// A bill timestamp (`begin_time`, `end_time`): a date and time of day as
/// the contact centre's clock read it, `YYYY-MM-DD hh:mm:ss`.
///
/// The vendor writes no time zone, so none is assumed: two timestamps are
/// compared and subtracted as civil times (proleptic Gregorian calendar,
/// no leap seconds). That is exact in zones without daylight saving time,
/// such as the vendor's GMT+08:00.
///
/// Parsing is strict and lossless: exactly four year digits and two digits
/// for every other field, and [`Display`](fmt::Display) writes back the
/// same text.
///
/// ```
/// use cec_bills::BillTime;
///
/// let begin: BillTime = "2024-02-28 23:59:30".parse()?;
/// let end: BillTime = "2024-02-29 00:00:10".parse()?;
/// assert_eq!(end.seconds_since(begin), 40);
/// assert_eq!(end.to_string(), "2024-02-29 00:00:10");
/// assert_eq!(
///     "2023-02-29 00:00:00".parse::<BillTime>().unwrap_err().to_string(),
///     "2023-02 has no day 29"
/// );
/// # Ok::<(), cec_bills::TimeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BillTime {
    // Field order is chronological order, so the derived `Ord` is too.
    year: u16,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
}

/// Why a text is not a [`BillTime`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeError {
    /// The text is not shaped `YYYY-MM-DD hh:mm:ss`.
    Format,
    /// The year is over 9999 (only [`BillTime::new`] can say so).
    Year(u16),
    /// The month is not 1 to 12.
    Month(u8),
    /// The month has no such day.
    Day {
        /// The year.
        year: u16,
        /// The month, 1 to 12.
        month: u8,
        /// The day that is out of range.
        day: u8,
    },
    /// The hour is not 0 to 23.
    Hour(u8),
    /// The minute is not 0 to 59.
    Minute(u8),
    /// The second is not 0 to 59.
    Second(u8),
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Self::Format => f.write_str("expected YYYY-MM-DD hh:mm:ss"),
            Self::Year(year) => write!(f, "year {year} is not 0000 to 9999"),
            Self::Month(month) => write!(f, "month {month:02} is not 01 to 12"),
            Self::Day { year, month, day } => {
                write!(f, "{year:04}-{month:02} has no day {day:02}")
            }
            Self::Hour(hour) => write!(f, "hour {hour:02} is not 00 to 23"),
            Self::Minute(minute) => write!(f, "minute {minute:02} is not 00 to 59"),
            Self::Second(second) => write!(f, "second {second:02} is not 00 to 59"),
        }
    }
}

impl core::error::Error for TimeError {}

impl BillTime {
    /// The earliest timestamp, `0000-01-01 00:00:00`; also the
    /// [`Default`], a placeholder for a bill not read yet.
    pub const MIN: Self = Self {
        year: 0,
        month: 1,
        day: 1,
        hour: 0,
        minute: 0,
        second: 0,
    };

    /// The timestamp with these fields, if it is a real date and time of
    /// day (the year is 0 to 9999, as four digits can write it).
    ///
    /// # Errors
    ///
    /// A [`TimeError`] names the first field out of its range, in this
    /// order: the year, the month, the day (of that month, leap years
    /// counted), the hour, the minute, the second.
    ///
    /// ```
    /// use cec_bills::{BillTime, TimeError};
    ///
    /// let leap_day = BillTime::new(2024, 2, 29, 8, 30, 0)?;
    /// assert_eq!(leap_day.to_string(), "2024-02-29 08:30:00");
    /// assert_eq!(BillTime::new(2024, 4, 31, 0, 0, 0), Err(TimeError::Day { year: 2024, month: 4, day: 31 }));
    /// # Ok::<(), TimeError>(())
    /// ```
    pub const fn new(
        year: u16,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
    ) -> Result<Self, TimeError> {
        if year > 9999 {
            return Err(TimeError::Year(year));
        }
        if month < 1 || month > 12 {
            return Err(TimeError::Month(month));
        }
        if day < 1 || day > days_in_month(year, month) {
            return Err(TimeError::Day { year, month, day });
        }
        if hour > 23 {
            return Err(TimeError::Hour(hour));
        }
        if minute > 59 {
            return Err(TimeError::Minute(minute));
        }
        if second > 59 {
            return Err(TimeError::Second(second));
        }
        Ok(Self {
            year,
            month,
            day,
            hour,
            minute,
            second,
        })
    }

    /// The year, 0 to 9999.
    pub const fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub const fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub const fn day(self) -> u8 {
        self.day
    }

    /// The hour, 0 to 23.
    pub const fn hour(self) -> u8 {
        self.hour
    }

    /// The minute, 0 to 59.
    pub const fn minute(self) -> u8 {
        self.minute
    }

    /// The second, 0 to 59.
    pub const fn second(self) -> u8 {
        self.second
    }

    /// The seconds from `earlier` to `self`; negative when `self` comes
    /// first.
    pub const fn seconds_since(self, earlier: Self) -> i64 {
        // Most operations begin and end on the same day: no calendar then.
        if self.year == earlier.year && self.month == earlier.month && self.day == earlier.day {
            return self.seconds_of_day() - earlier.seconds_of_day();
        }
        self.civil_seconds() - earlier.civil_seconds()
    }

    /// Seconds since midnight.
    const fn seconds_of_day(self) -> i64 {
        self.hour as i64 * 3_600 + self.minute as i64 * 60 + self.second as i64
    }

    /// Seconds since 1970-01-01 00:00:00 in the same (unnamed) zone.
    const fn civil_seconds(self) -> i64 {
        days_from_civil(self.year as i64, self.month as i64, self.day as i64) * 86_400
            + self.seconds_of_day()
    }
}

impl Default for BillTime {
    fn default() -> Self {
        Self::MIN
    }
}

impl FromStr for BillTime {
    type Err = TimeError;

    fn from_str(text: &str) -> Result<Self, TimeError> {
        Self::parse_bytes(text.as_bytes())
    }
}

impl BillTime {
    /// Parses `YYYY-MM-DD hh:mm:ss` from bytes, as [`FromStr`] does from
    /// text: the reader parses times where the file has them, without
    /// checking them as text first.
    pub(crate) fn parse_bytes(bytes: &[u8]) -> Result<Self, TimeError> {
        // `YYYY-MM-DD hh:mm:ss`, checked as one fixed-size array: no bounds
        // checks and no early exits, as bills hold millions of them.
        let Ok(bytes) = <&[u8; 19]>::try_from(bytes) else {
            return Err(TimeError::Format);
        };
        let digit = |index: usize| bytes[index].wrapping_sub(b'0');
        const DIGITS: [usize; 14] = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
        let all_digits = DIGITS
            .iter()
            .fold(true, |all, &index| all & (digit(index) <= 9));
        let separators = [bytes[4], bytes[7], bytes[10], bytes[13], bytes[16]];
        if !all_digits || separators != *b"-- ::" {
            return Err(TimeError::Format);
        }
        let two = |index: usize| digit(index) * 10 + digit(index + 1);
        Self::new(
            u16::from(two(0)) * 100 + u16::from(two(2)),
            two(5),
            two(8),
            two(11),
            two(14),
            two(17),
        )
    }

    /// The text, `YYYY-MM-DD hh:mm:ss`, written digit by digit: every
    /// record shows two, and neither the formatting machinery nor a
    /// serializer's `collect_str` (a `String` each, in csv's) is needed
    /// for a text of fixed shape.
    fn text(self) -> TimeText {
        let mut text = *b"0000-00-00 00:00:00";
        let fields = [
            (0, (self.year / 100) as u8),
            (2, (self.year % 100) as u8),
            (5, self.month),
            (8, self.day),
            (11, self.hour),
            (14, self.minute),
            (17, self.second),
        ];
        // Every field is below 100: the year is at most 9999.
        for (at, value) in fields {
            text[at] = b'0' + value / 10;
            text[at + 1] = b'0' + value % 10;
        }
        TimeText(text)
    }
}

/// A [`BillTime`]'s text: 19 ASCII bytes.
struct TimeText([u8; 19]);

impl TimeText {
    fn as_str(&self) -> &str {
        // ASCII digits and separators only: always UTF-8.
        core::str::from_utf8(&self.0).unwrap_or_default()
    }
}

impl fmt::Display for BillTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.text().as_str())
    }
}

impl serde::Serialize for BillTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.text().as_str())
    }
}

impl<'de> serde::Deserialize<'de> for BillTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = BillTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a time as YYYY-MM-DD hh:mm:ss")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<BillTime, E> {
                text.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

const fn is_leap_year(year: u16) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given proleptic Gregorian date (Howard
/// Hinnant's `days_from_civil`), for the years 0 to 9999 of a [`BillTime`].
const fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    // Years start in March, so the leap day ends a year.
    let year = if month <= 2 { year - 1 } else { year };
    // `year` is at least -1 here: floor division needs no special case.
    let era = if year >= 0 { year / 400 } else { -1 };
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}
