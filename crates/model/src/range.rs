//! Date ranges typed by people: the filter's From and To fields and `export --range` read dates
//! through this one parser.

use super::{Day, Edtf};

/// Which end of a typed date a bound takes: "From 2013" starts on 1 January, "To 2013" ends on
/// 31 December.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Start,
    End,
}

/// One bound of a range: empty text is no bound.
pub fn bound(text: &str, end: End) -> Result<Option<Day>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let span = Edtf::parse(text).map_err(|e| format!("\"{text}\": {e}"))?.span();
    Ok(Some(if end == End::End { span.end } else { span.start }))
}

/// A range as one EDTF interval (or a single date, taken as its span): `[start, end)`.
pub fn interval(text: &str) -> Result<(Day, Day), String> {
    let span = Edtf::parse(text.trim()).map_err(|e| e.to_string())?.span();
    if span.open_start || span.open_end {
        return Err(format!("\"{text}\" needs two known ends, such as 2010/2020"));
    }
    Ok((span.start, span.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_take_the_start_or_the_end_of_what_is_typed() {
        let (a, b) = interval("2013").expect("a year");
        assert_eq!(bound("2013", End::Start), Ok(Some(a)));
        assert_eq!(bound("2013", End::End), Ok(Some(b)));
        assert_eq!(bound("  ", End::Start), Ok(None));
        assert!(bound("2013-13", End::Start).expect_err("bad month").contains("2013-13"));
        assert_eq!(interval("2013/2013"), Ok((a, b)));
        assert!(interval("2013/..").is_err());
    }
}
