//! The vertical geometry of a timeline: the axis band, the era strip, and which lanes take a row
//! (all of them in the window, where lanes must not jump while panning; only those with
//! something in view in an image).

use super::axis::AxisMapping;
use super::lanes::Lanes;
use super::visibility::Visibility;
use crate::model::Document;

pub const AXIS_HEIGHT: f32 = 30.0;
pub(crate) const LANE_HEIGHT: f32 = 36.0;
pub(crate) const LANES_TOP_GAP: f32 = 8.0;

/// Rows of the lanes that have something shown in view, or all of them. A group's header row
/// stays while any lane of the group does.
pub fn lane_rows(lanes: &Lanes, mapping: &AxisMapping, compact: bool, visible: Option<&Visibility>) -> Vec<usize> {
    if !compact {
        return (0..lanes.lanes.len()).collect();
    }
    let (from, to) = (mapping.view.min, mapping.view.max());
    let has_some = |i: usize| {
        let range = lanes.lanes[i].visible_range(from, to);
        visible.map_or(!range.is_empty(), |v| v.count_in_lane(i, range) > 0)
    };
    let mut rows = Vec::new();
    let mut header: Option<usize> = None;
    for (i, lane) in lanes.lanes.iter().enumerate() {
        if lane.is_header {
            header = Some(i);
        } else if has_some(i) {
            rows.extend(header.take());
            rows.push(i);
        }
    }
    rows
}

/// Height of the strip under the axis where era names go (none without eras).
pub(crate) const ERA_STRIP: f32 = 20.0;

/// Height of what stays on top while lanes scroll: the axis, and the era strip if any.
pub fn head_height(doc: &Document) -> f32 {
    AXIS_HEIGHT + if doc.timeline().eras.is_empty() { 0.0 } else { ERA_STRIP }
}

/// Height the lanes take below the axis.
#[allow(clippy::cast_precision_loss)] // lane counts are small
pub(crate) fn lanes_height(rows: usize) -> f32 {
    LANES_TOP_GAP + rows as f32 * LANE_HEIGHT
}

/// The vertical scroll that brings `lane` into a lanes area `height` tall, moving as little as
/// it can.
#[allow(clippy::cast_precision_loss)] // lane counts are small
pub fn scroll_to_lane(scroll_y: f32, lane: u32, height: f32) -> f32 {
    let top = LANES_TOP_GAP + lane as f32 * LANE_HEIGHT;
    if top < scroll_y {
        top - LANES_TOP_GAP
    } else if top + LANE_HEIGHT > scroll_y + height {
        top + LANE_HEIGHT - height
    } else {
        scroll_y
    }
}

/// `scroll_y` kept within `rows` rows shown in a lanes area `height` tall.
pub fn clamp_scroll(scroll_y: f32, rows: usize, height: f32) -> f32 {
    scroll_y.clamp(0.0, (lanes_height(rows) - height + 8.0).max(0.0))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #[test]
        fn scrolling_to_a_lane_shows_it_whole_and_stays_in_bounds(
            scroll in 0.0_f32..5000.0, lane in 0_u32..200, height in 100.0_f32..1000.0
        ) {
            let rows = 200;
            let y = clamp_scroll(scroll_to_lane(scroll, lane, height), rows, height);
            let top = LANES_TOP_GAP + lane as f32 * LANE_HEIGHT;
            prop_assert!(top >= y - 0.01 && top + LANE_HEIGHT <= y + height + LANES_TOP_GAP + 8.01, "lane {} at {} in {}..{}", lane, top, y, y + height);
            prop_assert!(y >= 0.0 && y <= (lanes_height(rows) - height + 8.0).max(0.0));
        }
    }
}
