//! A time of day written with its day: "16:08", "10:32 p.m.", "alle 14.30", "9 de la mañana".

use super::Reader;
use crate::dates::lang;
use crate::dates::lexicon as lex;

impl Reader<'_, '_> {
    /// A time of day at `i`: "16:08", "10:32 p.m.", "14.30" after "alle" or "ore", "9 de la
    /// mañana", "9 pm"; a zone written after it ("UTC", "GMT") is read with it (times are UTC).
    pub(super) fn time_of_day(&self, i: usize) -> Option<(usize, (u8, u8))> {
        let t = self.t;
        let raw = t.raw(i);
        if !t.is_number(i) {
            return None;
        }
        let hour_word = self.any(i + 1, self.c().hour_words);
        let (mut h, mut mi, mut j, clock) = if let Some((a, b)) = raw.split_once('.') {
            // "14.30" only after a word that says a time follows: "alle 14.30", "ore 9.15".
            let led = i > 0 && self.is(i - 1, lex::time_lead(self.lang));
            if !led || a.len() > 2 || b.len() != 2 || b.contains('.') {
                return None;
            }
            (a.parse::<u8>().ok()?, b.parse::<u8>().ok()?, i + 1, true)
        } else if raw.len() <= 2 && raw.bytes().all(|b| b.is_ascii_digit()) {
            let h = raw.parse::<u8>().ok()?;
            if t.is_mark(i + 1, &[":"]) && t.glued(i + 1) && t.glued(i + 2) && t.raw(i + 2).len() == 2 {
                (h, t.int(i + 2, 2).and_then(|m| u8::try_from(m).ok())?, i + 3, true)
            } else if hour_word {
                // "14 h 30", "14h30", "14 Uhr": minutes after the hour's word, if any.
                match t.int(i + 2, 2).filter(|_| t.raw(i + 2).len() == 2) {
                    Some(m) => (h, u8::try_from(m).ok()?, i + 3, true),
                    None => (h, 0, i + 2, true),
                }
            } else {
                (h, 0, i + 1, false)
            }
        } else {
            return None;
        };
        // "a.m.", "p.m.", "am", "pm"
        let meridiem = if self.is(j, &["am", "pm"]) {
            j += 1;
            Some(self.w(j - 1) == "pm")
        } else if self.is(j, &["a", "p"]) && t.is_mark(j + 1, &["."]) && self.is(j + 2, &["m"]) {
            let pm = self.w(j) == "p";
            j += 3;
            if t.is_mark(j, &["."]) && t.glued(j) {
                j += 1;
            }
            Some(pm)
        } else {
            None
        };
        if self.is(j, self.c().time_suffixes) {
            j += 1;
        }
        // "de la mañana", "di sera", "in the evening", "du soir"
        let afternoon = self.c().day_part_leads.iter().find_map(|lead| {
            let k = self.phrase(j, lead)?;
            let pm = self.t.is_word(k).then(|| lang::find(self.c().day_parts, self.w(k))).flatten()?;
            Some((k + 1, pm))
        });
        let afternoon = afternoon.map(|(end, pm)| {
            j = end;
            pm
        });
        if let Some(pm) = meridiem.or(afternoon) {
            if h == 0 || h > 12 {
                return None;
            }
            if pm && h < 12 {
                h += 12;
            } else if !pm && h == 12 {
                h = 0;
            }
        } else if !clock {
            return None;
        }
        if self.is(j, self.c().time_suffixes) {
            j += 1;
        }
        if h > 23 || mi > 59 {
            return None;
        }
        mi = mi.min(59);
        Some((j, (h, mi)))
    }
}
