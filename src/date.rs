//! A calendar date as precise as a source gives it, and the source's own
//! date: what its metadata says (HTML, PDF, Word) in ISO 8601.
//!
//! Shared by the stages: ingest reads a document's own date from its
//! metadata, the text stage finds dates in running text
//! ([`text::dates`](crate::text::dates)), and the summary reports them.

use std::fmt;

/// A date as precise as the text gives it: a day, or a month of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ExplicitDate {
    /// The year (1900 to 2099).
    pub year: u16,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, when given.
    pub day: Option<u8>,
}

pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

impl fmt::Display for ExplicitDate {
    /// `15 November 2015`, or `November 2015` without a day.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The parser gives months 1-12, but the fields are public: any other
        // month prints as its number rather than panicking.
        let Some(month) = usize::from(self.month)
            .checked_sub(1)
            .and_then(|m| MONTHS.get(m))
        else {
            return match self.day {
                Some(day) => write!(f, "{}-{:02}-{day:02}", self.year, self.month),
                None => write!(f, "{}-{:02}", self.year, self.month),
            };
        };
        let mut name = month[..1].to_ascii_uppercase();
        name.push_str(&month[1..]);
        match self.day {
            Some(day) => write!(f, "{day} {name} {}", self.year),
            None => write!(f, "{name} {}", self.year),
        }
    }
}

impl ExplicitDate {
    /// The date at the start of an ISO 8601 date or date-time (`2015-11-15`,
    /// `2015-11-15T10:30:00Z`, `2015-11`), as metadata writes it; PDF's
    /// `D:20151115...` form too. Years outside 1900-2099 are no dates.
    ///
    /// ```
    /// use precis::date::ExplicitDate;
    /// let d = ExplicitDate::from_iso("2015-11-15T09:00:00+02:00").unwrap();
    /// assert_eq!(d.to_string(), "15 November 2015");
    /// assert_eq!(ExplicitDate::from_iso("D:20151115093000Z").unwrap(), d);
    /// assert_eq!(ExplicitDate::from_iso("2015-11").unwrap().to_string(), "November 2015");
    /// assert_eq!(ExplicitDate::from_iso("yesterday"), None);
    /// ```
    pub fn from_iso(text: &str) -> Option<ExplicitDate> {
        let text = text.trim();
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let (year, month, day) = if let Some(pdf) = text.strip_prefix("D:") {
            let year = pdf.get(..4)?;
            let month = pdf.get(4..6).unwrap_or("01");
            let day = pdf.get(6..8);
            (year, month, day)
        } else {
            let date = text.split(['T', ' ']).next()?;
            let mut parts = date.split('-');
            let year = parts.next()?;
            let month = parts.next()?;
            let day = parts.next();
            if parts.next().is_some() {
                return None;
            }
            (year, month, day)
        };
        if year.len() != 4 || !digits(year) || month.len() != 2 || !digits(month) {
            return None;
        }
        let year: u16 = year.parse().ok().filter(|y| (1900..=2099).contains(y))?;
        let month: u8 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
        let day = match day {
            Some(d) if d.len() == 2 && digits(d) => {
                Some(d.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?)
            }
            Some(_) => return None,
            None => None,
        };
        Some(ExplicitDate { year, month, day })
    }
}
