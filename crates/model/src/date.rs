use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day, written `YYYY-MM-DD` in content files.
///
/// Only real days parse (no February 30th), so views never format nonsense.
/// Ordering is chronological.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

impl Date {
    /// Parses an ISO 8601 calendar date, `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = text.get(range)?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let year = number(0..4)?;
        let month = u8::try_from(number(5..7)?).ok()?;
        let day = u8::try_from(number(8..10)?).ok()?;
        Self::from_parts(year, month, day)
    }

    /// The day, if `year`-`month`-`day` exists (years 1 to 9999).
    pub fn from_parts(year: u16, month: u8, day: u8) -> Option<Self> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=9999).contains(&year) && (1..=days_in_month).contains(&day)).then_some(Self {
            year,
            month,
            day,
        })
    }

    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, from 1.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, from 1.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 0000-03-01 (proleptic Gregorian): the distance in days
    /// between two dates is the difference of their `days()`.
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil, from a year starting in March.
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era
    }

    /// The machine-readable form, for `<time datetime>` and the JSON files.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| {
            // Written as a date, but no day of the calendar (2021-02-29).
            let written = text.len() == 10
                && (text.bytes().enumerate()).all(|(i, b)| {
                    if i == 4 || i == 7 {
                        b == b'-'
                    } else {
                        b.is_ascii_digit()
                    }
                });
            serde::de::Error::custom(if written {
                format!("{text:?} is no day of the calendar (check the month and the day)")
            } else {
                format!("{text:?} is not a date written YYYY-MM-DD")
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_that_is_no_day_says_so_and_one_not_written_as_a_date_says_how() {
        let said = |text: &str| {
            serde_json::from_str::<Date>(&format!("{text:?}"))
                .err()
                .map(|err| err.to_string())
                .unwrap_or_default()
        };
        assert!(said("2021-02-29").contains("is no day of the calendar"));
        assert!(said("2021-13-40").contains("is no day of the calendar"));
        assert!(said("June 5").contains("is not a date written YYYY-MM-DD"));
        assert!(said("2021-1-5").contains("is not a date written YYYY-MM-DD"));
        assert!(said("2020-02-29").is_empty());
    }

    #[test]
    fn counts_days_across_months_and_leap_years() {
        let days = |text| Date::parse(text).expect("date").days();
        assert_eq!(days("2020-03-01") - days("2020-02-28"), 2);
        assert_eq!(days("2021-03-01") - days("2021-02-28"), 1);
        assert_eq!(days("2021-01-01") - days("2020-01-01"), 366);
        assert_eq!(days("2000-01-01") - days("1999-12-31"), 1);
    }

    #[test]
    fn formats_the_seed_date_as_published() {
        let date = Date::parse("2020-11-22").expect("valid date");
        assert_eq!(date.iso(), "2020-11-22");
    }

    #[test]
    fn accepts_leap_days_only_in_leap_years() {
        assert!(Date::parse("2020-02-29").is_some());
        assert!(Date::parse("2000-02-29").is_some());
        assert!(Date::parse("1900-02-29").is_none());
        assert!(Date::parse("2021-02-29").is_none());
    }

    #[test]
    fn rejects_what_is_not_a_day() {
        for bad in [
            "",
            "2020-13-01",
            "2020-00-10",
            "2020-04-31",
            "2020-1-01",
            "20-11-22",
            "2020/11/22",
            "2020-11-22T00:00",
            "+020-11-22",
            "0000-01-01",
            "２０２０-11-22",
        ] {
            assert!(Date::parse(bad).is_none(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn orders_chronologically() {
        let older = Date::parse("2019-12-31").expect("valid");
        let newer = Date::parse("2020-01-01").expect("valid");
        assert!(older < newer);
    }
}
