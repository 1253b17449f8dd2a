//! Which events a filter leaves on the timeline, arranged so that a frame can ask in O(log n)
//! how many are hidden in a stretch of a lane or lie beyond either edge of the view.

use std::ops::Range;

use super::lanes::Lanes;
use crate::model::{Day, Span};

#[derive(Clone, Debug, Default)]
pub struct Visibility {
    /// One flag per event; `None` shows every event.
    mask: Option<Vec<bool>>,
    /// Per lane, how many shown events come before each position (one more entry than events).
    lane_prefix: Vec<Vec<u32>>,
    /// Shown dated events by start, and by end; empty when nothing is filtered, where the
    /// lanes' own orders serve (a million events would hold them twice).
    by_start: Vec<u32>,
    by_end: Vec<u32>,
    /// Shown events without a date, in file order (empty when nothing is filtered).
    undated: Vec<u32>,
    /// How many events the mask hides: counted once, not per frame.
    hidden: usize,
}

/// Events beyond the view's edges, and the nearest of each side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Beyond {
    pub before: usize,
    pub after: usize,
    /// The shown event that ends last before the view.
    pub nearest_before: Option<u32>,
    /// The shown event that starts first after the view.
    pub nearest_after: Option<u32>,
}

impl Visibility {
    /// Everything shown.
    pub fn all() -> Self {
        Self::default()
    }

    /// Only the events whose flag in `mask` is set; missing flags count as hidden.
    pub fn new(mask: Vec<bool>, lanes: &Lanes) -> Self {
        let shown = |e: u32| mask.get(e as usize).copied().unwrap_or(false);
        let lane_prefix = lanes
            .lanes
            .iter()
            .map(|lane| {
                let mut prefix = Vec::with_capacity(lane.events.len() + 1);
                let mut n = 0_u32;
                prefix.push(0);
                for &e in &lane.events {
                    n += u32::from(shown(e));
                    prefix.push(n);
                }
                prefix
            })
            .collect();
        let by_start = lanes.chronological.iter().copied().filter(|&e| shown(e)).collect();
        let by_end = lanes.by_end.iter().copied().filter(|&e| shown(e)).collect();
        let undated = (0..lanes.lane_of.len())
            .filter(|&i| lanes.lane_of[i] == u32::MAX)
            .filter_map(|i| u32::try_from(i).ok())
            .filter(|&e| shown(e))
            .collect();
        let hidden = mask.iter().filter(|&&b| !b).count();
        Self { mask: Some(mask), lane_prefix, by_start, by_end, undated, hidden }
    }

    pub fn is_filtered(&self) -> bool {
        self.mask.is_some()
    }

    pub fn mask(&self) -> Option<&[bool]> {
        self.mask.as_deref()
    }

    pub fn shown(&self, event: u32) -> bool {
        self.mask.as_ref().is_none_or(|m| m.get(event as usize).copied().unwrap_or(false))
    }

    /// Shown dated events in chronological order.
    pub fn chronological<'a>(&'a self, lanes: &'a Lanes) -> &'a [u32] {
        if self.is_filtered() { &self.by_start } else { &lanes.chronological }
    }

    /// Shown undated events, in file order; `all` is every undated event.
    pub fn undated<'a>(&'a self, all: &'a [u32]) -> &'a [u32] {
        if self.is_filtered() { &self.undated } else { all }
    }

    /// How many events the filter hides.
    pub fn hidden(&self) -> usize {
        self.hidden
    }

    pub(crate) fn by_end<'a>(&'a self, lanes: &'a Lanes) -> &'a [u32] {
        if self.is_filtered() { &self.by_end } else { &lanes.by_end }
    }

    /// Shown events among positions `range` of lane `lane`.
    pub(crate) fn count_in_lane(&self, lane: usize, range: Range<usize>) -> usize {
        match self.lane_prefix.get(lane) {
            Some(p) => {
                let at = |i: usize| p.get(i).copied().unwrap_or_else(|| p.last().copied().unwrap_or(0)) as usize;
                at(range.end).saturating_sub(at(range.start))
            }
            None => range.len(),
        }
    }

    /// The earliest start and the latest end of the shown dated events: the lanes' own when
    /// nothing is filtered.
    pub fn extent(&self, lanes: &Lanes, spans: &[Option<Span>]) -> Option<(Day, Day)> {
        if !self.is_filtered() {
            return lanes.extent;
        }
        let span = |e: &u32| spans.get(*e as usize).copied().flatten();
        let start = self.by_start.first().and_then(span)?.start;
        let end = self.by_end.last().and_then(span)?.end;
        Some((start, end.max(start)))
    }

    /// Shown events wholly before `from` or wholly after `to`.
    pub fn beyond(&self, lanes: &Lanes, spans: &[Option<Span>], from: Day, to: Day) -> Beyond {
        let span = |e: u32| spans.get(e as usize).copied().flatten();
        let (by_start, by_end) = (self.chronological(lanes), self.by_end(lanes));
        let before = by_end.partition_point(|&e| span(e).is_some_and(|s| s.end < from));
        let first_after = by_start.partition_point(|&e| span(e).is_none_or(|s| s.start <= to));
        Beyond {
            before,
            after: by_start.len() - first_after,
            nearest_before: before.checked_sub(1).and_then(|i| by_end.get(i)).copied(),
            nearest_after: by_start.get(first_after).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::layout::lanes::assign;

    fn span(start: f64, len: f64) -> Span {
        Span::plain(start, len)
    }

    proptest! {
        #[test]
        fn counts_agree_with_brute_force(
            items in proptest::collection::vec((0.0_f64..1000.0, 0.0_f64..50.0, any::<bool>(), any::<bool>()), 1..300),
            from in 0.0_f64..1000.0, len in 0.0_f64..500.0, filtered in any::<bool>(),
        ) {
            let spans: Vec<Option<Span>> =
                items.iter().map(|&(s, l, _, dated)| (dated || s < 100.0).then(|| span(s, l))).collect();
            let mask: Vec<bool> = items.iter().map(|i| i.2).collect();
            let lanes = assign(&spans, &|_| 3);
            let vis = if filtered { Visibility::new(mask.clone(), &lanes) } else { Visibility::all() };
            let shown = |i: usize| !filtered || mask[i];
            let to = from + len;
            let b = vis.beyond(&lanes, &spans, from, to);
            let before: Vec<usize> = (0..spans.len()).filter(|&i| shown(i) && spans[i].is_some_and(|s| s.end < from)).collect();
            let after: Vec<usize> = (0..spans.len()).filter(|&i| shown(i) && spans[i].is_some_and(|s| s.start > to)).collect();
            let all_undated: Vec<u32> = (0..spans.len()).filter(|&i| spans[i].is_none()).map(|i| u32::try_from(i).expect("small")).collect();
            let undated: Vec<u32> = all_undated.iter().copied().filter(|&e| shown(e as usize)).collect();
            prop_assert_eq!(vis.undated(&all_undated), undated.as_slice());
            prop_assert_eq!(vis.hidden(), (0..spans.len()).filter(|&i| !shown(i)).count());
            let dated_shown = (0..spans.len()).filter(|&i| shown(i)).filter_map(|i| spans[i]);
            let extent = dated_shown.fold(None, |acc: Option<(Day, Day)>, s| {
                Some(acc.map_or((s.start, s.end), |(a, b)| (a.min(s.start), b.max(s.end))))
            });
            prop_assert_eq!(vis.extent(&lanes, &spans), extent);
            prop_assert_eq!(b.before, before.len());
            prop_assert_eq!(b.after, after.len());
            let latest_end = before.iter().map(|&i| spans[i].expect("dated").end).fold(f64::NEG_INFINITY, f64::max);
            prop_assert_eq!(b.nearest_before.map(|e| spans[e as usize].expect("dated").end), (!before.is_empty()).then_some(latest_end));
            let earliest = after.iter().map(|&i| spans[i].expect("dated").start).fold(f64::INFINITY, f64::min);
            prop_assert_eq!(b.nearest_after.map(|e| spans[e as usize].expect("dated").start), (!after.is_empty()).then_some(earliest));
            for (l, lane) in lanes.lanes.iter().enumerate() {
                let n = lane.events.len();
                for (a, z) in [(0, n), (n / 3, n / 2), (n / 2, n)] {
                    let brute = lane.events[a..z].iter().filter(|&&e| shown(e as usize)).count();
                    prop_assert_eq!(vis.count_in_lane(l, a..z), brute);
                }
            }
        }
    }
}
