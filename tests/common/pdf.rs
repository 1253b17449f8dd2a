//! PDFs made for tests and benchmarks, so that no binary fixture is committed: pages of lines
//! set in Helvetica, in one or two columns. Bytes, not strings, so that a line can hold a
//! ligature of the font's standard encoding (0xAE is "fi", 0xAF "fl").

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, Stream, dictionary};

/// One page: its columns, each a list of lines from the top.
pub type Page<'a> = Vec<Vec<&'a [u8]>>;

/// A PDF of `pages`.
pub fn pdf(pages: &[Page]) -> Vec<u8> {
    let drawn: Vec<Vec<Operation>> = pages
        .iter()
        .map(|page| {
            let mut operations = Vec::new();
            for (c, column) in page.iter().enumerate() {
                let x = 56 + 270 * i64::try_from(c).unwrap_or(0);
                for (l, line) in column.iter().enumerate() {
                    let y = 780 - 16 * i64::try_from(l).unwrap_or(0);
                    operations.extend(text_at(x.into(), y.into(), 11.into(), line));
                }
            }
            operations
        })
        .collect();
    assemble(drawn, [595, 842], true)
}

/// A text object showing `text` in Helvetica (`F1`) of `size` at `x`, `y`.
fn text_at(x: Object, y: Object, size: Object, text: &[u8]) -> [Operation; 5] {
    [
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), size]),
        Operation::new("Td", vec![x, y]),
        Operation::new("Tj", vec![Object::string_literal(text.to_vec())]),
        Operation::new("ET", vec![]),
    ]
}

/// A PDF of one page for each list of `pages`' operations, `media` points wide and high, with
/// Helvetica as `F1`; its streams compressed when `compress`.
fn assemble(pages: Vec<Vec<Operation>>, media: [i64; 2], compress: bool) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids = Vec::new();
    for operations in pages {
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
            "MediaBox" => vec![0.into(), 0.into(), media[0].into(), media[1].into()],
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    if compress {
        doc.compress();
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saves");
    bytes
}

/// A run of text placed by hand: its left end and baseline (PDF points, y up from the page's
/// foot), its size, how far it is raised (a superscript), and its bytes.
#[derive(Clone, Copy, Debug)]
pub struct Run<'a> {
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub rise: f32,
    pub text: &'a [u8],
}

/// A run at `x`, `y` in `size`-point Helvetica.
pub fn run(x: f32, y: f32, size: f32, text: &[u8]) -> Run<'_> {
    Run { x, y, size, rise: 0.0, text }
}

/// A one-page US-letter PDF drawing `operations` in Helvetica (`F1`).
pub fn operations_pdf(operations: Vec<Operation>) -> Vec<u8> {
    assemble(vec![operations], [612, 792], false)
}

/// A US-letter PDF whose pages are `pages` of runs, each line a run or a few (a superscript
/// marker after a word is a run of its own), and a rule drawn across each page at `rule_y`
/// where given (the line above footnotes).
pub fn placed_pdf(pages: &[Vec<Run>], rule_y: Option<f32>) -> Vec<u8> {
    let drawn: Vec<Vec<Operation>> = pages
        .iter()
        .map(|page| {
            let mut operations = Vec::new();
            for r in page {
                let mut text = text_at(Object::Real(r.x), Object::Real(r.y), Object::Real(r.size), r.text).to_vec();
                text.insert(2, Operation::new("Ts", vec![Object::Real(r.rise)]));
                operations.extend(text);
            }
            if let Some(y) = rule_y {
                operations.extend([
                    Operation::new("m", vec![72.into(), Object::Real(y)]),
                    Operation::new("l", vec![250.into(), Object::Real(y)]),
                    Operation::new("S", vec![]),
                ]);
            }
            operations
        })
        .collect();
    assemble(drawn, [612, 792], true)
}

/// A double-spaced filing of three pages as courts print them: the ECF banner at every page's
/// top and "- N -" at its foot; a centred heading; paragraphs opening indented; a sentence
/// running from page 1 to page 2; a footnote under a rule at page 1's foot, its marker raised
/// after "comments"; hyphens at line ends of both kinds (a word split, "out-of-state",
/// "10,000-square-foot").
pub fn filing() -> Vec<u8> {
    const BANNER: [&[u8]; 3] = [
        b"Case: 20-1507    Document: 00117684624    Page: 1    Date Filed: 12/22/2020    Entry ID: 6389",
        b"Case: 20-1507    Document: 00117684624    Page: 2    Date Filed: 12/22/2020    Entry ID: 6389",
        b"Case: 20-1507    Document: 00117684624    Page: 3    Date Filed: 12/22/2020    Entry ID: 6389",
    ];
    const FOOT: [&[u8]; 3] = [b"- 1 -", b"- 2 -", b"- 3 -"];
    let body = |lines: &[(f32, &'static [u8])], top: f32| -> Vec<Run<'static>> {
        lines.iter().enumerate().map(|(i, &(x, t))| run(x, top - 24.0 * i as f32, 12.0, t)).collect()
    };
    let mut one = vec![run(72.0, 760.0, 8.0, BANNER[0]), run(262.0, 700.0, 12.0, b"INTRODUCTION")];
    one.extend(body(
        &[
            (108.0, b"The plaintiffs allege that Facebook gave Netflix access to the"),
            (72.0, b"private messages of its users from May to December 2015 in"),
            (72.0, b"exchange for advertising, and that the arrangement was kept"),
        ],
        652.0,
    ));
    // "from users. The comments¹ explain that the partner-": the marker a run of its own.
    one.push(run(72.0, 580.0, 12.0, b"from users. The comments"));
    one.push(Run { x: 214.9, y: 580.0, size: 7.0, rise: 4.0, text: b"1" });
    one.push(run(221.5, 580.0, 12.0, b"explain that the partner-"));
    one.extend(body(
        &[
            (72.0, b"ship ended in 2019, when the company closed its 10,000-"),
            (72.0, b"square-foot data center and moved the company's out-of-"),
            (72.0, b"state servers to its parent, a move which the Commission"),
        ],
        556.0,
    ));
    one.push(Run { x: 72.0, y: 130.0, size: 6.0, rise: 3.0, text: b"1" });
    one.push(run(77.5, 130.0, 9.0, b"The comments were filed on March 3, 2016, and are part of"));
    one.push(run(72.0, 119.0, 9.0, b"the record before the court."));
    one.push(run(296.0, 40.0, 10.0, FOOT[0]));

    let mut two = vec![run(72.0, 760.0, 8.0, BANNER[1])];
    two.extend(body(
        &[
            (72.0, b"found had been kept from the users whose messages it shared."),
            (108.0, b"Facebook denies the allegations and says that every user"),
            (72.0, b"agreed to the terms of the partnership in 2013."),
        ],
        700.0,
    ));
    two.push(run(296.0, 40.0, 10.0, FOOT[1]));

    let mut three = vec![run(72.0, 760.0, 8.0, BANNER[2])];
    three.extend(body(&[(108.0, b"The court held a hearing on the motion on July 25, 2016.")], 700.0));
    three.push(run(296.0, 40.0, 10.0, FOOT[2]));
    placed_pdf(&[one, two, three], Some(142.0))
}

/// A double-spaced filing of `pages` pages as `filing` sets them (banner, page number, a
/// footnote under a rule, paragraphs of three sentences running from page to page, each
/// opening indented): for measuring long ones.
pub fn long_filing(pages: usize) -> Vec<u8> {
    const WORDS: [&str; 6] = ["private", "messages", "users", "partner", "advertising", "records"];
    // Sentences that differ from one another, wrapped into lines of at most 62 characters.
    let mut lines: Vec<(bool, String)> = Vec::new();
    for paragraph in 0..pages * 9 {
        let mut line = String::new();
        let mut first = true;
        for s in 0..3 {
            let n = paragraph * 3 + s;
            let sentence = format!(
                "On day {n} the platform shared the {} of {} users with a partner in exchange for {} of its {}.",
                WORDS[n % 6],
                n * 7 + 3,
                WORDS[(n + 2) % 6],
                WORDS[(n + 4) % 6]
            );
            for word in sentence.split(' ') {
                if line.len() + word.len() + 1 > 62 {
                    lines.push((first, std::mem::take(&mut line)));
                    first = false;
                }
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
            }
        }
        lines.push((first, line));
    }
    let banners: Vec<Vec<u8>> = (1..=pages)
        .map(|n| format!("Case: 20-1507    Document: 00117684624    Page: {n}    Date Filed: 12/22/2020").into_bytes())
        .collect();
    let numbers: Vec<Vec<u8>> = (1..=pages).map(|n| format!("- {n} -").into_bytes()).collect();
    let placed: Vec<Vec<Run>> = (0..pages)
        .map(|p| {
            let mut page = vec![run(72.0, 760.0, 8.0, &banners[p])];
            for (l, (opens, text)) in lines.iter().skip(p * 26).take(26).enumerate() {
                let x = if *opens { 108.0 } else { 72.0 };
                page.push(run(x, 700.0 - 24.0 * l as f32, 12.0, text.as_bytes()));
            }
            page.push(Run { x: 72.0, y: 60.0, size: 6.0, rise: 3.0, text: b"1" });
            page.push(run(77.5, 60.0, 9.0, b"The comments were filed on March 3, 2016."));
            page.push(run(296.0, 30.0, 10.0, &numbers[p]));
            page
        })
        .collect();
    placed_pdf(&placed, Some(72.0))
}

/// A scan of `pdf`: each page drawn (hayro) at `dpi` in grey and kept as a picture only, with
/// the court's filing stamp ("FILED …") as the page's one line of text, as scanned filings come.
pub fn scanned(pdf_bytes: &[u8], dpi: f32) -> Vec<u8> {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::hayro_syntax::Pdf;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{PixmapSettings, RenderCache, RenderSettings};

    let source = Pdf::new(std::sync::Arc::new(pdf_bytes.to_vec())).expect("a PDF");
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" });
    let mut kids = Vec::new();
    for page in source.pages().iter() {
        let (w, h) = page.render_dimensions();
        let scale = dpi / 72.0;
        let settings = PixmapSettings { x_scale: scale, y_scale: scale, bg_color: WHITE };
        let pixmap = hayro::render(
            page,
            &RenderCache::new(),
            &InterpreterSettings::default(),
            &RenderSettings::default(),
            &settings,
        );
        let grey: Vec<u8> = pixmap.data_as_u8_slice().chunks_exact(4).map(|p| p[1]).collect();
        let mut image = Stream::new(
            dictionary! {
                "Type" => "XObject",
                "Subtype" => "Image",
                "Width" => i64::from(pixmap.width()),
                "Height" => i64::from(pixmap.height()),
                "ColorSpace" => "DeviceGray",
                "BitsPerComponent" => 8,
            },
            grey,
        );
        image.compress().expect("compresses");
        let image_id = doc.add_object(image);
        let operations = vec![
            Operation::new("q", vec![]),
            Operation::new("cm", vec![w.into(), 0.into(), 0.into(), h.into(), 0.into(), 0.into()]),
            Operation::new("Do", vec!["Im1".into()]),
            Operation::new("Q", vec![]),
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 7.into()]),
            Operation::new("Td", vec![430.into(), Object::Real(h - 14.0)]),
            Operation::new("Tj", vec![Object::string_literal(b"FILED 12/22/2020 CLERK".to_vec())]),
            Operation::new("ET", vec![]),
        ];
        let content = Content { operations }.encode().expect("content encodes");
        let content_id = doc.add_object(Stream::new(dictionary! {}, content));
        let resources = dictionary! {
            "Font" => dictionary! { "F1" => font_id },
            "XObject" => dictionary! { "Im1" => image_id },
        };
        kids.push(Object::from(doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => content_id,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), Object::Real(w), Object::Real(h)],
        })));
    }
    let count = i64::try_from(kids.len()).unwrap_or(0);
    doc.objects
        .insert(pages_id, Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }));
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("saves");
    bytes
}
