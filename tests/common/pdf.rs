//! PDFs made for tests and benchmarks, so that no binary fixture is committed: pages of lines
//! set in Helvetica, in one or two columns. Bytes, not strings, so that a line can hold a
//! ligature of the font's standard encoding (0xAE is "fi", 0xAF "fl").

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// One page: its columns, each a list of lines from the top.
pub type Page<'a> = Vec<Vec<&'a [u8]>>;

/// A PDF of `pages`.
pub fn pdf(pages: &[Page]) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type1",
        "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids = Vec::new();
    for page in pages {
        let mut operations = Vec::new();
        for (c, column) in page.iter().enumerate() {
            let x = 56 + 270 * i64::try_from(c).unwrap_or(0);
            for (l, line) in column.iter().enumerate() {
                let y = 780 - 16 * i64::try_from(l).unwrap_or(0);
                operations.extend([
                    Operation::new("BT", vec![]),
                    Operation::new("Tf", vec!["F1".into(), 11.into()]),
                    Operation::new("Td", vec![x.into(), y.into()]),
                    Operation::new("Tj", vec![Object::string_literal(line.to_vec())]),
                    Operation::new("ET", vec![]),
                ]);
            }
        }
        let content = Content { operations }.encode().expect("content encodes");
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        kids.push(Object::from(doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
        })));
    }
    let count = i64::try_from(kids.len()).unwrap_or(0);
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
            "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    doc.compress();
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saves");
    bytes
}
