//! Word documents (`.docx`): the paragraphs of `word/document.xml` in order, one per line, and
//! the title from `docProps/core.xml` when the author set one.

use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::Event;

/// More text than this unpacked from one part is refused: a small file can unpack to gigabytes.
const MAX_PART_BYTES: u64 = crate::source_folder::MAX_SOURCE_BYTES;

/// The text and title of a `.docx`, or why it cannot be read.
pub fn read(bytes: &[u8]) -> Result<(String, Option<String>), String> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err("an encrypted or old-format (.doc) Word file: save it as .docx without a password".into());
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a Word document (.docx is a zip archive): {e}"))?;
    let document = part(&mut zip, "word/document.xml")?
        .ok_or_else(|| "not a Word document: it has no word/document.xml".to_owned())?;
    let text = paragraphs(&document)?;
    let title = part(&mut zip, "docProps/core.xml").ok().flatten().and_then(|core| core_title(&core));
    Ok((text, title))
}

/// One part of the archive as text; `None` when absent.
fn part(zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>, name: &str) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("cannot read {name}: {e}")),
    };
    let mut xml = String::new();
    file.take(MAX_PART_BYTES + 1).read_to_string(&mut xml).map_err(|e| format!("cannot read {name}: {e}"))?;
    if xml.len() as u64 > MAX_PART_BYTES {
        return Err(format!("{name} unpacks to more than {} MiB", MAX_PART_BYTES >> 20));
    }
    Ok(Some(xml))
}

/// The paragraphs' text: runs joined, tabs and breaks kept, one paragraph a line.
fn paragraphs(xml: &str) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut paragraph = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.local_name().as_ref() == "t" => in_text = true,
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" => {
                    out.push_str(paragraph.trim_end());
                    out.push('\n');
                    paragraph.clear();
                }
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                "tab" => paragraph.push('\t'),
                "br" | "cr" => paragraph.push('\n'),
                "p" => out.push('\n'),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                paragraph.push_str(&t.xml10_content());
            }
            Ok(Event::GeneralRef(r)) if in_text => {
                // &amp; and friends arrive apart from the text around them.
                match r.resolve_char_ref() {
                    Ok(Some(c)) => paragraph.push(c),
                    _ => paragraph.push_str(quick_xml::escape::resolve_predefined_entity(&r).unwrap_or_default()),
                }
            }
            Ok(Event::Eof) => break,
            Err(e) => {
                return Err(format!("word/document.xml is not well-formed at byte {}: {e}", reader.error_position()));
            }
            _ => {}
        }
    }
    out.push_str(paragraph.trim_end());
    Ok(out.trim_end().to_owned() + "\n")
}

/// `dc:title` of the document's properties.
fn core_title(xml: &str) -> Option<String> {
    let mut reader = Reader::from_str(xml);
    let mut in_title = false;
    let mut title = String::new();
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) if e.local_name().as_ref() == "title" => in_title = true,
            Event::End(e) if e.local_name().as_ref() == "title" => break,
            Event::Text(t) if in_title => title.push_str(&t.xml10_content()),
            Event::Eof => break,
            _ => {}
        }
    }
    Some(title.trim().to_owned()).filter(|t| !t.is_empty())
}
