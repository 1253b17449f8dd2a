//! Deterministic synthetic timelines, for tests, benchmarks and demos: a mix of days, months,
//! years and multi-year intervals, some approximate or uncertain, clustered around a few
//! moments and spread over centuries, citing sources whose quotes verify.

use std::io::{BufWriter, Write};

use super::timeline::{Citation, Event, Source};

const SOURCES: usize = 6;
const SENTENCES_PER_SOURCE: usize = 24;
const SUBJECTS: [&str; 12] = [
    "Memo",
    "Meeting",
    "Filing",
    "Payment",
    "Email",
    "Contract",
    "Hearing",
    "Report",
    "Call",
    "Transfer",
    "Board vote",
    "Leak",
];
/// Years around which events bunch up, as real chronologies do.
const CLUSTERS: [i64; 8] = [1648, 1789, 1914, 1945, 1968, 2001, 2013, 2020];

/// `SplitMix64`: tiny, fast and reproducible on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    #[allow(clippy::cast_possible_wrap, clippy::cast_sign_loss)] // ranges are small and hi >= lo
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as u64) as i64
    }
}

fn sentence(source: usize, k: usize) -> String {
    format!(
        "Record {k} of archive {source} states that the matter was raised again, according to witness number {}.",
        k * 7 + source
    )
}

pub fn sources() -> Vec<Source> {
    (0..SOURCES)
        .map(|s| Source {
            id: format!("archive-{s}").into(),
            title: format!("Synthetic archive {s}"),
            publisher: "citeline generator".into(),
            language: if s % 2 == 0 { "en".into() } else { "es".into() },
            text: Some((0..SENTENCES_PER_SOURCE).map(|k| sentence(s, k)).collect::<Vec<_>>().join(" ")),
            ..Source::default()
        })
        .collect()
}

fn when(rng: &mut Rng) -> String {
    let year = if rng.below(5) == 0 {
        rng.range(1500, 2025)
    } else {
        #[allow(clippy::cast_possible_truncation)] // index below the array's length
        let center = CLUSTERS[rng.below(CLUSTERS.len() as u64) as usize];
        // Most events within a few years of the centre, a few further out.
        let spread = [1, 3, 10, 30][usize::try_from(rng.below(4)).unwrap_or(0)];
        center + rng.range(-spread, spread)
    };
    let month = rng.range(1, 12);
    let day = rng.range(1, 28);
    match rng.below(20) {
        0..=7 => format!("{year:04}-{month:02}-{day:02}"),
        8..=12 => format!("{year:04}-{month:02}"),
        13..=14 => format!("{year:04}"),
        15 => format!("{year:04}~"),
        16 => format!("{year:04}-{month:02}?"),
        17..=18 => format!("{year:04}/{:04}", year + rng.range(1, 12)),
        _ => format!("{year:04}-{month:02}/{:04}-{month:02}", year + rng.range(0, 3)),
    }
}

pub fn event(rng_state: u64, n: usize) -> Event {
    let mut rng = Rng(rng_state ^ (n as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    #[allow(clippy::cast_possible_truncation)] // indices below small array lengths
    let subject = SUBJECTS[rng.below(SUBJECTS.len() as u64) as usize];
    #[allow(clippy::cast_possible_truncation)]
    let source = rng.below(SOURCES as u64) as usize;
    #[allow(clippy::cast_possible_truncation)]
    let k = rng.below(SENTENCES_PER_SOURCE as u64) as usize;
    let full = sentence(source, k);
    // A clause of the sentence, as real citations quote part of a sentence.
    let quote = full.split(", ").next().unwrap_or(&full).to_owned();
    Event {
        id: format!("e{n}").into(),
        title: format!("{subject} {n}").into(),
        when: Some(when(&mut rng).into()),
        citations: Box::new([Citation {
            source: format!("archive-{source}").into(),
            quote: quote.into(),
            note: None,
            ..Citation::default()
        }]),
        ..Event::default()
    }
}

/// A timeline of `events` events in memory (benchmarks and tests; `write` streams instead).
pub fn timeline(events: usize, seed: u64) -> super::timeline::Timeline {
    super::timeline::Timeline {
        title: format!("Synthetic timeline: {} events (seed {seed})", super::date::group_thousands(events as u64)),
        description: None,
        sources: sources(),
        events: (0..events).map(|n| event(seed, n)).collect(),
        eras: Vec::new(),
        rejected: Vec::new(),
        read_warnings: Vec::new(),
    }
}

/// Writes a timeline of `events` events as citeline JSON into `out`, streaming, so that a
/// million events never sit in memory at once (`formats::citeline::write_generated` writes it
/// to a file).
pub fn write_json(out: impl Write, events: usize, seed: u64) -> std::io::Result<()> {
    {
        let mut out = BufWriter::with_capacity(1 << 20, out);
        out.write_all(b"{\n\"title\": ")?;
        serde_json::to_writer(
            &mut out,
            &format!("Synthetic timeline: {} events (seed {seed})", super::date::group_thousands(events as u64)),
        )?;
        out.write_all(
            b",\n\"description\": \"Generated by citeline generate for tests, benchmarks and demos.\",\n\"sources\": ",
        )?;
        serde_json::to_writer_pretty(&mut out, &sources())?;
        out.write_all(b",\n\"events\": [\n")?;
        for n in 0..events {
            if n > 0 {
                out.write_all(b",\n")?;
            }
            serde_json::to_writer(&mut out, &event(seed, n))?;
        }
        out.write_all(b"\n]\n}\n")?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_timelines_are_deterministic_and_verify() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        write_json(&mut a, 2000, 7).expect("write");
        write_json(&mut b, 2000, 7).expect("write");
        assert_eq!(a, b);
        let timeline = serde_json::from_slice(&a).expect("parses");
        let path = std::path::Path::new("a.citeline.json");
        let doc = crate::Document::new(timeline, path, &crate::Progress::default()).expect("valid");
        let t = doc.tally();
        assert_eq!(t.events, 2000);
        assert_eq!(t.dated, 2000);
        assert_eq!(t.verified, 2000);
        // A mix of precisions and qualifiers.
        let spans: Vec<_> = doc.spans().iter().flatten().collect();
        assert!(spans.iter().any(|s| s.is_day));
        assert!(spans.iter().any(|s| s.approximate));
        assert!(spans.iter().any(|s| s.uncertain));
        assert!(spans.iter().any(|s| s.end - s.start > 365.0 * 3.0));
        let years: Vec<f64> = spans.iter().map(|s| s.start / 365.2425 + 1970.0).collect();
        let (lo, hi) = years.iter().fold((f64::MAX, f64::MIN), |(a, b), &y| (a.min(y), b.max(y)));
        assert!(hi - lo > 300.0, "spread over centuries: {lo}–{hi}");
    }
}
