//! Lane stacking: each dated event gets a lane so that, at the fitted zoom and closer, no two
//! bars or labels in a lane overlap.
//!
//! Lanes are computed once per document (greedy by start time with a min-heap of lane ends, so
//! O(n log n)) and do not depend on the zoom, so events stay put while the user zooms. Each
//! event reserves its span plus room for its label at a reference scale (the whole timeline
//! across [`REFERENCE_WIDTH`] points); zooming in only adds room. Past [`MAX_LANES`] lanes, an
//! event goes to the lane that frees up first even if it overlaps: dense data is drawn as
//! clusters anyway, and a thousand lanes help no one.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::model::{Day, Span};

mod update;
pub use update::Placing;

pub(crate) const REFERENCE_WIDTH: f64 = 1000.0;
pub(crate) const MAX_LANES: usize = 48;

/// One lane's events, sorted by start.
#[derive(Clone, Debug, Default)]
pub struct Lane {
    pub events: Vec<u32>,
    pub starts: Vec<Day>,
    pub ends: Vec<Day>,
    /// `max_end[i]` = the largest end among `ends[..=i]`; lets a binary search find the first
    /// event that reaches into a view even when a long interval started well before it.
    pub max_end: Vec<Day>,
    /// Whether the lane had to take events that overlap (past [`MAX_LANES`]).
    pub overlapping: bool,
    /// The longest event's length: nothing starting earlier than that before a view reaches it.
    pub longest: Day,
    /// The group (swim lane band) this lane belongs to, if the timeline has groups.
    pub group: Option<u32>,
    /// A group's header row: no events, only the group's name above its lanes.
    pub is_header: bool,
    /// Where to look for a time: see [`Lane::first_start_at_or_after`].
    index: StartIndex,
}

/// For a lane's time span cut into equal buckets, the first event starting in or after each:
/// a time then narrows to the events of one bucket in O(1). A frame of dense data asks this once
/// per mark, thousands of times, where a binary search would cost a dozen poorly predicted
/// branches each.
#[derive(Clone, Debug, Default)]
struct StartIndex {
    first: Vec<u32>,
    origin: Day,
    step: Day,
}

/// Lanes shorter than this are searched directly.
const INDEXED_FROM: usize = 256;
/// Buckets per lane, at most: 16 KiB a lane, small enough to stay in cache.
const MAX_BUCKETS: usize = 4096;

/// The group of events that have none, in a timeline where others do.
pub(crate) const NO_GROUP: u32 = u32::MAX;

#[derive(Clone, Debug, Default)]
pub struct Lanes {
    pub lanes: Vec<Lane>,
    /// Earliest start and latest end of all dated events.
    pub extent: Option<(Day, Day)>,
    /// Dated events ordered by (start, end), for previous/next navigation.
    pub chronological: Vec<u32>,
    /// Dated events ordered by end, for counting what lies before a view.
    pub by_end: Vec<u32>,
    /// Lane of each event (`u32::MAX` for undated ones).
    pub lane_of: Vec<u32>,
}

/// A total order on f64 for the heap (no NaN reaches here: spans are validated).
#[derive(Clone, Copy, PartialEq)]
struct Key(f64);
impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Key {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// Points an event's label and marker take to the right of its start, estimated from the title's
/// length so that a million titles need not be measured.
#[allow(clippy::cast_precision_loss)] // lengths are capped
pub(crate) fn label_reserve_points(title_chars: usize) -> f64 {
    const AVG_ADVANCE: f64 = 6.6;
    const MAX_CHARS: usize = 48;
    title_chars.min(MAX_CHARS) as f64 * AVG_ADVANCE + 28.0
}

/// Assigns lanes. `title_chars(i)` is the length of event `i`'s title.
pub fn assign(spans: &[Option<Span>], title_chars: &dyn Fn(usize) -> usize) -> Lanes {
    assign_grouped(spans, title_chars, &|_| None)
}

/// Assigns lanes, each group of events (`group_of(i)`, numbered in the order they are to be
/// shown) in its own band of lanes under a header row. Events without a group go last, under
/// [`NO_GROUP`], when any event has one.
pub(crate) fn assign_grouped(
    spans: &[Option<Span>],
    title_chars: &dyn Fn(usize) -> usize,
    group_of: &dyn Fn(usize) -> Option<u32>,
) -> Lanes {
    let mut order: Vec<u32> =
        (0..spans.len()).filter(|&i| spans[i].is_some()).filter_map(|i| u32::try_from(i).ok()).collect();
    let span_of = |i: u32| spans[i as usize].unwrap_or(NO_SPAN);
    // Total by the index, so an unstable sort gives the same order every time.
    order.sort_unstable_by(|&a, &b| {
        let (sa, sb) = (span_of(a), span_of(b));
        sa.start.total_cmp(&sb.start).then(sb.end.total_cmp(&sa.end)).then(a.cmp(&b))
    });
    let extent = order.iter().fold(None, |acc: Option<(Day, Day)>, &i| {
        let s = span_of(i);
        Some(acc.map_or((s.start, s.end), |(a, b)| (a.min(s.start), b.max(s.end))))
    });
    let days_per_point = days_per_point(extent);

    let mut lanes: Vec<Lane> = Vec::new();
    let mut lane_of = vec![u32::MAX; spans.len()];
    let grouped = order.iter().any(|&i| group_of(i as usize).is_some());
    if grouped {
        // One pass into buckets (still in start order), however many groups there are.
        let mut buckets: std::collections::BTreeMap<u32, Vec<u32>> = std::collections::BTreeMap::new();
        for &i in &order {
            buckets.entry(group_of(i as usize).unwrap_or(NO_GROUP)).or_default().push(i);
        }
        for (g, members) in buckets {
            lanes.push(Lane { group: Some(g), is_header: true, ..Lane::default() });
            stack(members.into_iter(), &span_of, title_chars, days_per_point, Some(g), &mut lanes, &mut lane_of);
        }
    } else {
        stack(order.iter().copied(), &span_of, title_chars, days_per_point, None, &mut lanes, &mut lane_of);
    }
    for lane in &mut lanes {
        lane.index_starts();
    }
    // Ends in a dense list: sorting a million indices reads 8 bytes an event instead of a whole
    // span, and the unstable sort (made total by the index) needs no buffer.
    let ends: Vec<Day> = spans.iter().map(|s| s.map_or(0.0, |s| s.end)).collect();
    let mut by_end = order.clone();
    by_end.sort_unstable_by(|&a, &b| ends[a as usize].total_cmp(&ends[b as usize]).then(a.cmp(&b)));
    drop(ends);
    Lanes { lanes, extent, chronological: order, by_end, lane_of }
}

/// Days per point at the reference scale: the room labels reserve.
fn days_per_point(extent: Option<(Day, Day)>) -> f64 {
    extent.map_or(1.0, |(a, b)| ((b - a).max(30.0) * 1.2) / REFERENCE_WIDTH)
}

/// Where an event's claim on a lane begins and ends: its span, the arrow of an open start before
/// it, and its label after it.
fn reserved(s: &Span, title_chars: usize, days_per_point: f64) -> (Day, Day) {
    // Open ends are drawn with an arrow reaching out of the span; reserve room for it.
    let arrow = if s.open_start { 24.0 * days_per_point } else { 0.0 };
    (s.start - arrow, s.end.max(s.start + label_reserve_points(title_chars) * days_per_point))
}

const NO_SPAN: Span = Span {
    start: 0.0,
    end: 0.0,
    open_start: false,
    open_end: false,
    approximate: false,
    uncertain: false,
    is_day: false,
};

/// Greedy stacking of `events` (in start order) into new lanes appended to `lanes`: each event
/// takes the lane that frees up first, or a new one.
fn stack(
    events: impl Iterator<Item = u32>,
    span_of: &dyn Fn(u32) -> Span,
    title_chars: &dyn Fn(usize) -> usize,
    days_per_point: f64,
    group: Option<u32>,
    lanes: &mut Vec<Lane>,
    lane_of: &mut [u32],
) {
    let first = lanes.len();
    // (reserved end, lane) of every lane, the earliest end on top.
    let mut heap: BinaryHeap<Reverse<(Key, usize)>> = BinaryHeap::new();
    for i in events {
        let s = span_of(i);
        let (start, reserved_end) = reserved(&s, title_chars(i as usize), days_per_point);
        let lane = match heap.peek() {
            Some(&Reverse((Key(end), lane))) if end <= start || lanes.len() - first >= MAX_LANES => {
                heap.pop();
                if end > start {
                    lanes[lane].overlapping = true;
                }
                lane
            }
            _ => {
                lanes.push(Lane { group, ..Lane::default() });
                lanes.len() - 1
            }
        };
        let l = &mut lanes[lane];
        let prev_max = l.max_end.last().copied().unwrap_or(f64::NEG_INFINITY);
        l.events.push(i);
        l.starts.push(s.start);
        l.ends.push(s.end);
        l.max_end.push(prev_max.max(s.end));
        l.longest = l.longest.max(s.end - s.start);
        if let Some(slot) = lane_of.get_mut(i as usize) {
            *slot = u32::try_from(lane).unwrap_or(u32::MAX);
        }
        heap.push(Reverse((Key(reserved_end), lane)));
    }
}

impl Lane {
    /// Builds the start index once the lane is complete.
    fn index_starts(&mut self) {
        self.index = StartIndex::default();
        let (Some(&a), Some(&b)) = (self.starts.first(), self.starts.last()) else { return };
        if self.starts.len() < INDEXED_FROM || b <= a {
            return;
        }
        let buckets = (self.starts.len() / 8).clamp(1, MAX_BUCKETS);
        #[allow(clippy::cast_precision_loss)] // a few thousand buckets
        let step = (b - a) / buckets as f64;
        let mut first = Vec::with_capacity(buckets + 1);
        let mut i = 0;
        for k in 0..=buckets {
            #[allow(clippy::cast_precision_loss)]
            let t = a + step * k as f64;
            while i < self.starts.len() && self.starts[i] < t {
                i += 1;
            }
            first.push(u32::try_from(i).unwrap_or(u32::MAX));
        }
        self.index = StartIndex { first, origin: a, step };
    }

    /// The first position from `from` on whose event starts at or after `t`, among the first
    /// `end` positions.
    pub(crate) fn first_start_at_or_after(&self, from: usize, end: usize, t: Day) -> usize {
        let starts = &self.starts[..end.min(self.starts.len())];
        let from = from.min(starts.len());
        let idx = &self.index;
        if !idx.first.is_empty() {
            let k = ((t - idx.origin) / idx.step).floor();
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
            let k = if k.is_nan() { 0 } else { k.clamp(0.0, (idx.first.len() - 1) as f64) as usize };
            let lo = (idx.first[k] as usize).clamp(from, starts.len());
            let hi = idx.first.get(k + 1).map_or(starts.len(), |&h| h as usize).clamp(lo, starts.len());
            let at = lo + starts[lo..hi].partition_point(|&s| s < t);
            // Rounding can put `t` in a neighbouring bucket; check before trusting the answer.
            let before_ok = at == from || starts[at - 1] < t;
            let after_ok = at == starts.len() || starts[at] >= t;
            if before_ok && after_ok {
                return at;
            }
        }
        from + starts[from..].partition_point(|&s| s < t)
    }

    /// Index range of this lane's events that may intersect `[from, to]`.
    pub fn visible_range(&self, from: Day, to: Day) -> std::ops::Range<usize> {
        // Events starting more than the longest length before `from` end before it too.
        let reach = self.starts.partition_point(|&s| s < from - self.longest);
        let first = self.max_end.partition_point(|&e| e < from).max(reach);
        let last = self.starts.partition_point(|&s| s <= to);
        first..last.max(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Edtf;
    use proptest::prelude::*;

    fn spans(whens: &[&str]) -> Vec<Option<Span>> {
        whens.iter().map(|w| Edtf::parse(w).ok().map(|d| d.span())).collect()
    }

    #[test]
    fn overlapping_intervals_take_different_lanes() {
        let s = spans(&["2011/2019", "2013-08", "2012/2014", "2030"]);
        let lanes = assign(&s, &|_| 10);
        assert_ne!(lanes.lane_of[0], lanes.lane_of[2]);
        assert_eq!(lanes.chronological, vec![0, 2, 1, 3]);
        assert_eq!(lanes.lane_of.iter().filter(|&&l| l == u32::MAX).count(), 0);
    }

    #[test]
    fn undated_events_have_no_lane() {
        let mut s = spans(&["2011"]);
        s.push(None);
        let lanes = assign(&s, &|_| 5);
        assert_eq!(lanes.lane_of[1], u32::MAX);
        assert_eq!(lanes.chronological, vec![0]);
    }

    #[test]
    fn visible_range_finds_long_intervals_that_start_before_the_view() {
        let s = spans(&["1900/2100", "2000", "2001", "2002"]);
        let lanes = assign(&s, &|_| 0);
        let view = (crate::model::date::year_start(2050), crate::model::date::year_start(2051));
        let found: Vec<u32> =
            lanes.lanes.iter().flat_map(|l| l.visible_range(view.0, view.1).map(|i| l.events[i])).collect();
        assert!(found.contains(&0), "{found:?}");
    }

    #[test]
    fn groups_get_their_own_lanes_under_a_header() {
        let s = spans(&["2011/2019", "2013", "2012", "2014", "2015"]);
        let groups = [Some(1), Some(0), None, Some(1), Some(0)];
        let lanes = assign_grouped(&s, &|_| 3, &|i| groups[i]);
        let headers: Vec<Option<u32>> = lanes.lanes.iter().filter(|l| l.is_header).map(|l| l.group).collect();
        assert_eq!(headers, [Some(0), Some(1), Some(NO_GROUP)], "groups in order, the ungrouped last");
        for (i, g) in groups.iter().enumerate() {
            let lane = &lanes.lanes[lanes.lane_of[i] as usize];
            assert!(!lane.is_header);
            assert_eq!(lane.group, Some(g.unwrap_or(NO_GROUP)), "event {i}");
        }
        // Lanes of a group follow its header.
        let mut current = None;
        for l in &lanes.lanes {
            if l.is_header {
                current = l.group;
            } else {
                assert_eq!(l.group, current);
            }
        }
        assert!(assign(&s, &|_| 3).lanes.iter().all(|l| !l.is_header && l.group.is_none()));
    }

    proptest! {
        #[test]
        fn the_start_index_agrees_with_a_binary_search(
            mut starts in proptest::collection::vec(-1e6_f64..1e6, 1..3000),
            clumps in 0_usize..4, from in 0_usize..3100, t in -1.1e6_f64..1.1e6, cut in 0_usize..3100
        ) {
            // Clustered data too: many equal starts, and most events in a narrow stretch.
            for (k, s) in starts.iter_mut().enumerate() {
                if k % 4 < clumps {
                    *s = (*s / 1e4).round();
                }
            }
            starts.sort_by(f64::total_cmp);
            let mut lane = Lane { starts, ..Lane::default() };
            lane.index_starts();
            prop_assert_eq!(lane.index.first.is_empty(), lane.starts.len() < INDEXED_FROM);
            let end = cut.min(lane.starts.len());
            let from = from.min(end);
            let expected = from + lane.starts[from..end].partition_point(|&s| s < t);
            prop_assert_eq!(lane.first_start_at_or_after(from, end, t), expected);
            // And at the stored starts themselves, where buckets begin and end.
            for &probe in lane.starts.iter().step_by(97) {
                prop_assert_eq!(lane.first_start_at_or_after(0, lane.starts.len(), probe), lane.starts.partition_point(|&s| s < probe));
            }
        }

        #[test]
        fn lanes_never_overlap_below_the_lane_limit(items in proptest::collection::vec((0.0_f64..5000.0, 0.0_f64..400.0, 0usize..60), 1..40)) {
            let spans: Vec<Option<Span>> = items.iter().map(|&(start, len, _)| Some(Span {
                start, end: start + len.max(1.0), open_start: false, open_end: false,
                approximate: false, uncertain: false, is_day: false,
            })).collect();
            let chars: Vec<usize> = items.iter().map(|i| i.2).collect();
            let lanes = assign(&spans, &|i| chars[i]);
            prop_assume!(lanes.lanes.len() < MAX_LANES);
            let (a, b) = lanes.extent.expect("extent");
            let dpp = ((b - a).max(30.0) * 1.2) / REFERENCE_WIDTH;
            for lane in &lanes.lanes {
                for w in lane.events.windows(2) {
                    let (p, q) = (w[0] as usize, w[1] as usize);
                    let p_end = spans[p].expect("p").end.max(spans[p].expect("p").start + label_reserve_points(chars[p]) * dpp);
                    prop_assert!(spans[q].expect("q").start >= p_end, "bar or label of {p} overlaps {q}");
                }
                prop_assert!(lane.starts.windows(2).all(|w| w[0] <= w[1]));
            }
        }
    }
}
