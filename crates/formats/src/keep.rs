//! Writing citeline JSON so that a timeline kept under version control changes only where it
//! was edited: keys in the struct's order, and every event that did not change written with the
//! very bytes it had in the file as it was read.

use std::collections::HashMap;
use std::ops::Range;

use crate::model::progress::Stage;
use crate::model::{Event, Progress, Timeline};

/// The timeline as citeline JSON; events equal to one in `original` (the file's bytes when it
/// was read) keep that event's bytes.
pub(crate) fn to_json_keeping(timeline: &Timeline, original: &[u8], progress: &Progress) -> String {
    let kept = original_events(original);
    let head = Timeline { events: Vec::new(), ..timeline.clone() };
    let head = serde_json::to_string_pretty(&head).unwrap_or_default();
    // A string value never holds a raw line break, so this is the top-level key.
    let Some((before, after)) = head.split_once("\n  \"events\": []") else {
        return super::citeline::to_json(timeline);
    };
    let mut out = String::with_capacity(original.len().max(head.len()) + 64);
    out.push_str(before);
    out.push_str("\n  \"events\": [");
    progress.start(Stage::Saving, timeline.events.len() as u64);
    for (i, event) in timeline.events.iter().enumerate() {
        if i % 4096 == 4095 {
            progress.advance(4096);
        }
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        match kept.get(&*event.id).filter(|(e, _)| e == event) {
            Some((_, bytes)) => out.push_str(bytes),
            None => push_indented(&mut out, &serde_json::to_string_pretty(event).unwrap_or_default()),
        }
    }
    out.push_str(if timeline.events.is_empty() { "]" } else { "\n  ]" });
    out.push_str(after);
    out.push('\n');
    out
}

/// `json` (pretty, at the top level) as it stands inside the events array: four spaces deeper.
fn push_indented(out: &mut String, json: &str) {
    for (i, line) in json.split('\n').enumerate() {
        if i > 0 {
            out.push_str("\n    ");
        }
        out.push_str(line);
    }
}

/// The events of the file's top-level `events` array, by id, each with its bytes.
fn original_events(original: &[u8]) -> HashMap<String, (Event, &str)> {
    let Ok(text) = std::str::from_utf8(original) else { return HashMap::new() };
    event_ranges(text)
        .into_iter()
        .filter_map(|r| {
            let bytes = &text[r];
            let event: Event = serde_json::from_str(bytes).ok()?;
            Some((event.id.to_string(), (event, bytes)))
        })
        .collect()
}

/// Byte ranges of the elements of the top-level object's `events` array; empty when the text is
/// not such an object.
fn event_ranges(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut ranges = Vec::new();
    let mut depth = 0_usize;
    let mut i = 0;
    // The last string read at depth 1 (a key of the top-level object), and whether the array
    // being read is `events`.
    let mut last_key: Option<Range<usize>> = None;
    let mut in_events = false;
    let mut element_start: Option<usize> = None;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i;
                i = string_end(b, i + 1);
                if depth == 1 {
                    last_key = Some(start + 1..i.saturating_sub(1));
                }
                if in_events && depth == 2 && element_start.is_none() {
                    element_start = Some(start);
                }
                continue;
            }
            b'{' | b'[' => {
                if depth == 1 && b[i] == b'[' {
                    in_events = last_key.as_ref().is_some_and(|k| &text[k.clone()] == "events");
                }
                if in_events && depth == 2 && element_start.is_none() {
                    element_start = Some(i);
                }
                depth += 1;
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if in_events && depth == 2 {
                    if let Some(s) = element_start.take() {
                        ranges.push(s..i + 1);
                    }
                } else if in_events && depth == 1 {
                    in_events = false;
                }
            }
            b',' if in_events && depth == 2 => {
                // A scalar element (not an event) ends here; nothing to keep.
                element_start = None;
            }
            _ => {}
        }
        i += 1;
    }
    ranges
}

/// The index just past the string whose content starts at `i` (after its opening quote).
fn string_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED: &str = include_str!("../../../assets/timelines/netflix-facebook.citeline.json");

    fn seed() -> Timeline {
        serde_json::from_str(SEED).expect("seed")
    }

    #[test]
    fn an_unchanged_file_is_written_byte_for_byte() {
        assert_eq!(to_json_keeping(&seed(), SEED.as_bytes(), &Progress::default()), SEED);
        assert_eq!(
            to_json_keeping(&seed(), b"", &Progress::default()),
            SEED,
            "citeline's own layout, without an original"
        );
    }

    #[test]
    fn only_the_edited_event_changes_even_in_a_file_laid_out_by_hand() {
        // A hand-written file: one line per event, odd spacing.
        let t = seed();
        let mut hand = String::from("{\"title\":\"t\",\n\"events\" : [\n");
        for (i, e) in t.events.iter().enumerate() {
            hand.push_str(if i == 0 { "  " } else { ",\n  " });
            hand.push_str(&serde_json::to_string(e).expect("json"));
        }
        hand.push_str("\n]}");
        let original: Timeline = serde_json::from_str(&hand).expect("hand-written parses");
        let mut edited = original.clone();
        edited.events[2].title = "Edited".into();
        let written = to_json_keeping(&edited, hand.as_bytes(), &Progress::default());
        for (i, e) in original.events.iter().enumerate() {
            let line = serde_json::to_string(e).expect("json");
            assert_eq!(written.contains(&line), i != 2, "event {i} kept byte for byte unless edited");
        }
        assert_eq!(serde_json::from_str::<Timeline>(&written).expect("valid JSON"), edited);
    }

    #[test]
    fn ranges_skip_strings_that_look_like_structure() {
        let text = r#"{"title": "x ] } \" [", "sources": [{"events": [1]}], "events": [{"id": "a", "title": "{["}, {"id": "b"}]}"#;
        let found: Vec<&str> = event_ranges(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, [r#"{"id": "a", "title": "{["}"#, r#"{"id": "b"}"#]);
    }
}
