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
    /// Date proposals the user rejected, so that they are not proposed again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rejected: Vec<Rejected>,
    /// What a reader of another format noticed but took anyway (a TimelineJS slide with only
    /// media): warnings the document keeps. Never written.
    #[serde(skip)]
    pub read_warnings: Vec<super::Problem>,
}

/// A rejected proposal: the sentence of a source it came from (its words, so that it is still
/// known after the text around it changes).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Rejected {
    pub source: CompactString,
    pub sentence: Box<str>,
    /// The date rejected, when the sentence holds several (each proposed on its own); none
    /// rejects every date of the sentence (as files before it did).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Box<str>>,
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
    /// Empty when not known; an empty value is not written.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub publisher: String,
    /// Who wrote it (a web page's byline), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// BCP 47 tag such as `es` or `it`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
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
    /// SHA-256 of the text when it was added (lower-case hex), to tell when it changed since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_sha256: Option<String>,
    /// The document the text was read from (a PDF, a saved web page, an e-mail, a Word file),
    /// kept beside the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original: Option<Original>,
    /// Where each page of the original begins in the text, in bytes, from the first (0): a
    /// citation's page is worked out from these, never typed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<u32>,
    /// Where each numbered line of each page begins in the text, for pleading paper and
    /// transcripts (cited by page and line, `3:12–15`): one string a page, `LINE:OFFSET` pairs
    /// apart by spaces (`"1:0 2:61 3:130"`), offsets in bytes rising through the pages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<String>,
    /// Stretches of the text printed on another page than `pages` puts them on (a footnote or
    /// a page's footer kept at the next paragraph break, past the next page's start): `[start,
    /// end, page]`, bytes and the page from 1, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moved: Vec<[u32; 3]>,
    /// Pages whose text was read from their picture by OCR (a scan), when any were.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ocr: Option<Box<Ocr>>,
}

/// What of a source's text was read by OCR, and how sure the reader was.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Ocr {
    /// The pages read so, from 1.
    pub pages: Vec<u32>,
    /// The reader's mean confidence in their words, 0–100.
    pub confidence: u8,
    /// The reader and its languages (`Tesseract 5.3.0, eng`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub engine: String,
}

impl Ocr {
    /// What the panel says of a text read by OCR: which pages, by what, how sure.
    pub fn describe(&self) -> String {
        let pages = match self.pages.as_slice() {
            [one] => format!("page {one}"),
            [first, .., last] if (last - first) as usize + 1 == self.pages.len() => format!("pages {first}–{last}"),
            more => format!("{} pages", more.len()),
        };
        let by = if self.engine.is_empty() { String::new() } else { format!(" ({})", self.engine) };
        format!(
            "The text of {pages} was read by OCR{by} from the scanned page, mean confidence {}%: check a quote \
             against the page before relying on it.",
            self.confidence
        )
    }
}

/// A source's original document, as it was added.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Original {
    /// Relative to the timeline file and inside its folder.
    pub file: String,
    pub kind: OriginalKind,
    /// SHA-256 of the file (lower-case hex).
    pub sha256: String,
}

/// What kind of document a source's original is.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum OriginalKind {
    Pdf,
    Html,
    Eml,
    Docx,
}

impl OriginalKind {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Html => "html",
            Self::Eml => "eml",
            Self::Docx => "docx",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Pdf => "PDF",
            Self::Html => "web page",
            Self::Eml => "e-mail",
            Self::Docx => "Word document",
        }
    }
}

/// One dated (or undated) claim with the sentences that support it.
///
/// Fields few events use (group, media) sit behind one pointer: a million events pay eight
/// bytes each for them instead of twenty-four. The file keeps them flat ([`EventFields`]).
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
#[serde(from = "EventFields", into = "EventFields")]
pub struct Event {
    pub id: CompactString,
    pub title: CompactString,
    /// EDTF; absent for an undated claim.
    pub when: Option<CompactString>,
    pub display_date: Option<Box<str>>,
    pub summary: Option<Box<str>>,
    pub tags: Box<[Box<str>]>,
    pub citations: Box<[Citation]>,
    pub extra: Option<Box<EventExtra>>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct EventExtra {
    /// The swim lane the event is drawn in (TimelineJS's `group`).
    pub group: Option<Box<str>>,
    pub media: Option<Media>,
}

impl EventExtra {
    /// `None` when there is nothing to hold.
    pub fn boxed(group: Option<Box<str>>, media: Option<Media>) -> Option<Box<Self>> {
        (group.is_some() || media.is_some()).then(|| Box::new(Self { group, media }))
    }
}

impl Event {
    pub fn group(&self) -> Option<&str> {
        self.extra.as_ref().and_then(|x| x.group.as_deref())
    }

    pub fn media(&self) -> Option<&Media> {
        self.extra.as_ref().and_then(|x| x.media.as_ref())
    }
}

/// An event as the file writes it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventFields {
    pub id: CompactString,
    pub title: CompactString,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<Box<str>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media: Option<Media>,
}

impl From<EventFields> for Event {
    fn from(f: EventFields) -> Self {
        Self {
            id: f.id,
            title: f.title,
            when: f.when,
            display_date: f.display_date,
            summary: f.summary,
            tags: f.tags,
            citations: f.citations,
            extra: EventExtra::boxed(f.group, f.media),
        }
    }
}

impl From<Event> for EventFields {
    fn from(e: Event) -> Self {
        let (group, media) = e.extra.map(|x| (x.group, x.media)).unwrap_or_default();
        Self {
            id: e.id,
            title: e.title,
            when: e.when,
            display_date: e.display_date,
            summary: e.summary,
            tags: e.tags,
            citations: e.citations,
            group,
            media,
        }
    }
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
    /// Where the quote stood when it was made or last re-anchored: the words around it and its
    /// bytes, to find it again in a new version of its source ([`super::anchor`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Box<super::anchor::Anchor>>,
    /// The quote's earlier words, oldest first, when a new version of its source reworded them
    /// and the user accepted the new ones.
    #[serde(default, skip_serializing_if = "<[_]>::is_empty")]
    pub history: Box<[Box<str>]>,
}
