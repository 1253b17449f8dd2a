//! The report as PDF, through krilla: real text in the shipped fonts (embedded and subset,
//! selectable, copied as it reads), tagged for accessibility (PDF/UA-1: headings, paragraphs,
//! the figure with its description, the tables' header and data cells, each quote in its
//! source's language; page furniture as artifacts) and archival (PDF/A-2b), both validated by
//! krilla as it writes.
//!
//! Laid out here in two passes: the content flows into pages (a table row is kept on one page
//! when it fits, else broken between its citations, never inside a quote that fits on a page;
//! the table's header is repeated on each page), then each page is drawn with its running
//! header and its number of the total.

mod flow;
mod table;
#[cfg(test)]
mod tests;

use krilla::configure::{Accessibility, Archival, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Rect};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, Tag, TagGroup, TagTree};

use super::Report;
use crate::export::pdf::{PdfFonts, draw_text, paint_scene};
use crate::layout::text::TextMeasure;

use flow::{BODY, Flow, Line, MARGIN_X, MUTED, Node, RULE, SMALL, TEXT, WARN};

/// The whole report laid out: its pages and its logical structure.
fn lay_out(report: &Report) -> (Flow, Vec<Node>) {
    let (w, h) = report.paper.size();
    let mut flow = Flow::new(w, h);
    let mut nodes = Vec::new();
    let lang = Some(report.language.as_str());
    nodes.push(flow.heading(1, &report.title, 18.0));
    if !report.description.is_empty() {
        nodes.push(flow.paragraph(Tag::P.into(), &report.description, BODY, false, TEXT, lang, 6.0));
    }
    if !report.covered.is_empty() {
        nodes.push(flow.paragraph(Tag::P.into(), &format!("Covers {}", report.covered), BODY, false, TEXT, None, 2.0));
    }
    nodes.push(flow.paragraph(Tag::P.into(), &report.counts, BODY, false, TEXT, None, 2.0));
    if let Some(selection) = &report.selection {
        nodes.push(flow.paragraph(Tag::P.into(), selection, BODY, true, WARN, None, 2.0));
    }
    nodes.push(flow.paragraph(
        Tag::P.into(),
        &format!("Report made on {} by citeline.", report.made),
        SMALL,
        false,
        MUTED,
        None,
        10.0,
    ));
    if let Some(scene) = &report.picture {
        let alt = format!(
            "The timeline of the {} dated events below{}, drawn on a time axis; each is numbered as in the chronology table.",
            report.dated.len(),
            if report.covered.is_empty() { String::new() } else { format!(", {}", report.covered) }
        );
        nodes.extend(flow.picture(scene, alt, "The timeline; its events are numbered as in the chronology."));
    } else if let Some(note) = &report.picture_note {
        nodes.push(flow.paragraph(Tag::P.into(), note, SMALL, false, MUTED, None, 8.0));
    }
    nodes.push(flow.heading(2, "Chronology", 14.0));
    if report.dated.is_empty() {
        nodes.push(flow.paragraph(Tag::P.into(), super::no_dated_event(report), BODY, false, MUTED, None, 6.0));
    } else {
        nodes.push(table::table(
            &mut flow,
            &report.dated,
            "The dated events in date order, with the citations of each.",
        ));
    }
    if !report.undated.is_empty() {
        flow.y += 8.0;
        nodes.push(flow.heading(2, "Undated events", 14.0));
        nodes.push(table::table(&mut flow, &report.undated, "The events without a date, with the citations of each."));
    }
    flow.y += 8.0;
    nodes.push(flow.heading(2, "Sources", 14.0));
    nodes.push(flow.paragraph(
        Tag::P.into(),
        &format!("Every source cited, in the {} style.", report.style.name()),
        SMALL,
        false,
        MUTED,
        None,
        4.0,
    ));
    let mut items = Vec::new();
    for s in &report.sources {
        let mut body = vec![flow.reference(&s.reference, &s.reference_italic)];
        if let Some(file) = &s.file {
            body.push(flow.paragraph(Tag::P.into(), file, SMALL, false, MUTED, None, 0.0));
        }
        flow.y += 5.0;
        items.push(Node::Group(Tag::LI.into(), vec![Node::Group(Tag::LBody.into(), body)]));
    }
    if items.is_empty() {
        nodes.push(flow.paragraph(Tag::P.into(), "No source is cited.", BODY, false, MUTED, None, 0.0));
    } else {
        nodes.push(Node::Group(Tag::L(ListNumbering::None).into(), items));
    }
    flow.settle_notes();
    (flow, nodes)
}

/// A page's furniture, as an artifact: the running title, the day made, "Page N of M".
fn furniture(
    surface: &mut Surface,
    fonts: &PdfFonts,
    report: &Report,
    (width, height): (f32, f32),
    p: usize,
    total: usize,
) {
    let measure = TextMeasure::get();
    surface.start_tagged(artifact(ArtifactType::PaginationOther));
    let title = measure
        .fit(&report.title, SMALL, false, width - 2.0 * MARGIN_X - 160.0)
        .map_or_else(String::new, std::borrow::Cow::into_owned);
    draw_text(surface, fonts, MARGIN_X, 30.0, &title, SMALL, false, MUTED);
    let made = format!("Made {}", report.made);
    let made_w = measure.width(&made, SMALL, false);
    draw_text(surface, fonts, width - MARGIN_X - made_w, 30.0, &made, SMALL, false, MUTED);
    let number = format!("Page {} of {total}", p + 1);
    let number_w = measure.width(&number, SMALL, false);
    draw_text(surface, fonts, (width - number_w) / 2.0, height - 36.0, &number, SMALL, false, MUTED);
    draw_rule(surface, (MARGIN_X, 44.0), (width - MARGIN_X, 44.0), 0.5);
    surface.end_tagged();
}

/// A line of text, its italic parts slanted (no italic face is shipped: the regular one is
/// sheared by 12°, its advance widths unchanged).
fn draw_line(surface: &mut Surface, fonts: &PdfFonts, line: &Line) {
    if line.italic.is_empty() {
        draw_text(surface, fonts, line.x, line.top, &line.text, line.size, line.bold, line.color);
        return;
    }
    let measure = TextMeasure::get();
    let baseline = line.top + measure.ascent(line.size);
    let mut x = line.x;
    for (part, slanted) in super::runs(&line.text, &line.italic) {
        if slanted {
            const SHEAR: f32 = 0.21;
            surface.push_transform(&krilla::geom::Transform::from_row(1.0, 0.0, -SHEAR, 1.0, SHEAR * baseline, 0.0));
            x += draw_text(surface, fonts, x, line.top, part, line.size, line.bold, line.color);
            surface.pop();
        } else {
            x += draw_text(surface, fonts, x, line.top, part, line.size, line.bold, line.color);
        }
    }
}

fn to_group(node: Node, ids: &mut [Vec<Identifier>]) -> Option<krilla::tagging::Node> {
    match node {
        Node::Leaf(_) => None,
        Node::Group(tag, children) => {
            let mut group = TagGroup::new(tag);
            for child in children {
                match child {
                    Node::Leaf(n) => {
                        for id in ids.get_mut(n).map(std::mem::take).unwrap_or_default() {
                            group.push(id);
                        }
                    }
                    group_node @ Node::Group(..) => {
                        if let Some(g) = to_group(group_node, ids) {
                            group.push(g);
                        }
                    }
                }
            }
            Some(group.into())
        }
    }
}

fn artifact(kind: ArtifactType) -> ContentTag<'static> {
    ContentTag::Artifact(Artifact::with_kind(kind))
}

fn draw_rule(surface: &mut Surface, from: (f32, f32), to: (f32, f32), width: f32) {
    let mut pb = PathBuilder::new();
    pb.move_to(from.0, from.1);
    pb.line_to(to.0, to.1);
    let Some(path) = pb.finish() else { return };
    let [r, g, b, _] = RULE.to_array();
    surface.set_fill(None);
    surface.set_stroke(Some(Stroke {
        paint: krilla::color::rgb::Color::new(r, g, b).into(),
        width,
        ..Stroke::default()
    }));
    surface.draw_path(&path);
    surface.set_stroke(None);
}

/// The document's outline (bookmarks): the title, the sections under it.
fn outline(headings: &[(u16, String, usize, f32)]) -> Outline {
    let node = |(_, text, page, top): &(u16, String, usize, f32)| {
        OutlineNode::new(text.clone(), XyzDestination::new(*page, krilla::geom::Point::from_xy(0.0, *top)))
    };
    let mut outline = Outline::new();
    let mut root: Option<OutlineNode> = None;
    for h in headings {
        match (h.0, root.as_mut()) {
            (1, _) => {
                if let Some(done) = root.take() {
                    outline.push_child(done);
                }
                root = Some(node(h).with_open(true));
            }
            (_, Some(r)) => r.push_child(node(h)),
            (_, None) => outline.push_child(node(h)),
        }
    }
    if let Some(done) = root {
        outline.push_child(done);
    }
    outline
}

/// Now, for the document's date.
fn now() -> krilla::metadata::DateTime {
    use chrono::{Datelike, Timelike};
    let t = chrono::Utc::now();
    let small = |n: u32| u8::try_from(n).unwrap_or(0);
    krilla::metadata::DateTime::new(u16::try_from(t.year()).unwrap_or(2000))
        .month(small(t.month()))
        .day(small(t.day()))
        .hour(small(t.hour()))
        .minute(small(t.minute()))
        .second(small(t.second()))
        .utc_offset_hour(0)
        .utc_offset_minute(0)
}

/// The report as PDF bytes.
#[allow(clippy::too_many_lines)] // each page drawn in order: furniture, rules, picture, text
pub fn to_pdf(report: &Report) -> Result<Vec<u8>, String> {
    to_pdf_reporting(report, &|_| true)
}

/// As [`to_pdf`], telling `step` how far it is (0 to 1) as it draws its pages; `step`
/// answering false stops it (cancelled).
pub fn to_pdf_reporting(report: &Report, step: &dyn Fn(f32) -> bool) -> Result<Vec<u8>, String> {
    let fonts = PdfFonts::new()?;
    let (flow, nodes) = lay_out(report);
    // Laying out is about a fifth of the work, drawing the pages three fifths, writing the
    // file (fonts subset, validated) the rest.
    if !step(0.2) {
        return Err(super::CANCELLED_REPORT.to_owned());
    }
    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_B)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| format!("cannot configure the PDF: {e:?}"))?;
    let settings = krilla::SerializeSettings { enable_tagging: true, configuration, ..Default::default() };
    let mut document = krilla::Document::new_with(settings);
    let mut ids: Vec<Vec<Identifier>> = (0..flow.leaves).map(|_| Vec::new()).collect();
    let total = flow.pages.len();
    for (p, page) in flow.pages.iter().enumerate() {
        #[allow(clippy::cast_precision_loss)] // page counts
        if p % 16 == 0 && !step(0.2 + 0.6 * p as f32 / total as f32) {
            return Err(super::CANCELLED_REPORT.to_owned());
        }
        let settings = PageSettings::from_wh(flow.width, flow.height).ok_or("the paper has no size")?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        furniture(&mut surface, &fonts, report, (flow.width, flow.height), p, total);
        surface.start_tagged(artifact(ArtifactType::Layout));
        for (rect, color) in &page.fills {
            if color.a() == 0 {
                continue;
            }
            let Some(r) = Rect::from_xywh(rect.left(), rect.top(), rect.width(), rect.height()) else { continue };
            let mut pb = PathBuilder::new();
            pb.push_rect(r);
            if let Some(path) = pb.finish() {
                let [cr, cg, cb, _] = color.to_array();
                surface.set_stroke(None);
                surface.set_fill(Some(Fill {
                    paint: krilla::color::rgb::Color::new(cr, cg, cb).into(),
                    ..Fill::default()
                }));
                surface.draw_path(&path);
            }
        }
        for &(from, to, width) in &page.rules {
            draw_rule(&mut surface, from, to, width);
        }
        surface.end_tagged();
        if let (Some((x, y, scale, leaf)), Some(scene)) = (page.picture, &report.picture) {
            let id = surface.start_tagged(ContentTag::Other);
            paint_scene(&mut surface, &fonts, scene, x, y, scale);
            surface.end_tagged();
            if let Some(v) = ids.get_mut(leaf) {
                v.push(id);
            }
        }
        for line in &page.lines {
            if let Some(leaf) = line.leaf {
                let id = surface.start_tagged(ContentTag::Span(SpanTag::empty().with_lang(line.lang.as_deref())));
                draw_line(&mut surface, &fonts, line);
                surface.end_tagged();
                if let Some(v) = ids.get_mut(leaf) {
                    v.push(id);
                }
            } else {
                surface.start_tagged(artifact(ArtifactType::PaginationOther));
                draw_text(&mut surface, &fonts, line.x, line.top, &line.text, line.size, line.bold, line.color);
                surface.end_tagged();
            }
        }
        surface.finish();
        pdf_page.finish();
    }
    let mut tree = TagTree::new().with_lang(Some(report.language.clone()));
    for node in nodes {
        if let Some(g) = to_group(node, &mut ids) {
            tree.push(g);
        }
    }
    document.set_tag_tree(tree);
    document.set_outline(outline(&flow.headings));
    let mut metadata = krilla::metadata::Metadata::new()
        .creation_date(now())
        .title(report.title.clone())
        .language(report.language.clone())
        .creator(format!("citeline {}", env!("CARGO_PKG_VERSION")));
    if !report.description.is_empty() {
        metadata = metadata.description(report.description.clone());
    }
    document.set_metadata(metadata);
    document.finish().map_err(|e| format!("cannot make the PDF: {e:?}"))
}
