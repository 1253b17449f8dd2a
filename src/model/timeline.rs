//! The `*.citeline.json` file format, as serde reads and writes it.
//!
//! A million-event timeline holds several million strings, so they are kept compact: short ones
//! (ids, titles, dates, up to 24 bytes) inline in a `CompactString` with no allocation, longer
//! ones in a `Box<str>` with no spare capacity, and lists in boxed slices.

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub events: Vec<Event>,
    /// Named periods drawn as bands behind the events.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub eras: Vec<Era>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Era {
    pub title: String,
    /// An EDTF interval with both ends known.
    pub when: String,
}

/// A picture, video or page that goes with an event (TimelineJS's `media`).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Media {
    pub url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub thumbnail: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: Box<str>,
    pub title: String,
    #[serde(default)]
    pub publisher: String,
    /// BCP 47 tag such as `es` or `it`.
    #[serde(default)]
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When the source was published, as an EDTF date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The text inline… (a source with neither text nor file can be cited, but its quotes
    /// cannot be checked: a warning says so.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// …or in a UTF-8 file, relative to the timeline file and inside its folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: CompactString,
    pub title: CompactString,
    /// EDTF; absent for an undated claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<CompactString>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_date: Option<Box<str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Box<str>>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub tags: Box<[Box<str>]>,
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub citations: Box<[Citation]>,
    /// The swim lane the event is drawn in (TimelineJS's `group`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Box<str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Box<Media>>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// A source id.
    pub source: CompactString,
    /// The exact words of the source.
    pub quote: Box<str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<str>>,
}
