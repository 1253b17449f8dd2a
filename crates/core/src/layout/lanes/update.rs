//! Lanes brought up to date after one event moved, arrived or left: the work of one lane plus a
//! pass over the orders, where laying a million events out again takes a second. The result is
//! a valid layout (sorted lanes, exact orders and extent), not always the one a fresh layout
//! would pick: a moved event takes the first lane of its band where it fits.

use super::{Lane, Lanes, MAX_LANES, NO_GROUP, days_per_point, reserved};
use crate::model::{Day, Span};

/// What placing an event needs to know of the document as it is now.
pub struct Placing<'a> {
    /// Every event's span, indexed as the document is now.
    pub spans: &'a [Option<Span>],
    pub title_chars: &'a dyn Fn(usize) -> usize,
}

impl Lanes {
    /// Makes room for an event inserted at `index`: those from it on move up one. The new event
    /// has no lane until [`Lanes::place`] gives it one.
    pub(crate) fn insert_slot(&mut self, index: u32) {
        self.renumber(|e| if e >= index { e + 1 } else { e });
        let at = (index as usize).min(self.lane_of.len());
        self.lane_of.insert(at, u32::MAX);
    }

    /// Takes out the event at `index`, removed from the document: those after it move down one.
    pub(crate) fn remove_slot(&mut self, index: u32) {
        self.take_out(index);
        self.renumber(|e| if e > index { e - 1 } else { e });
        if (index as usize) < self.lane_of.len() {
            self.lane_of.remove(index as usize);
        }
    }

    /// Takes event `index` out of its lane and the orders; it keeps its number.
    pub(crate) fn take_out(&mut self, index: u32) {
        let Some(&lane) = self.lane_of.get(index as usize) else { return };
        let Some(l) = self.lanes.get_mut(lane as usize) else { return };
        if let Some(at) = l.events.iter().position(|&e| e == index) {
            let length = l.ends[at] - l.starts[at];
            l.events.remove(at);
            l.starts.remove(at);
            l.ends.remove(at);
            l.max_end.remove(at);
            l.refresh_from(at);
            if length >= l.longest {
                l.longest = l.starts.iter().zip(&l.ends).map(|(s, e)| e - s).fold(0.0, f64::max);
            }
            l.index_starts();
        }
        for order in [&mut self.chronological, &mut self.by_end] {
            if let Some(at) = order.iter().position(|&e| e == index) {
                order.remove(at);
            }
        }
        self.lane_of[index as usize] = u32::MAX;
        self.extent = self.measured_extent();
    }

    /// Gives event `index` (not in any lane) a lane in the band of `group` (`None` in a timeline
    /// without groups) and its places in the orders. An undated event only stays out. False when
    /// its group has no band yet: the timeline must be laid out again.
    pub fn place(&mut self, index: u32, group: Option<u32>, doc: &Placing) -> bool {
        let Some(span) = doc.spans.get(index as usize).copied().flatten() else { return true };
        let Some((band, band_group)) = self.band(group) else { return false };
        let dpp = days_per_point(self.extent.map(|(a, b)| (a.min(span.start), b.max(span.end))));
        let (start, end) = reserved(&span, (doc.title_chars)(index as usize), dpp);
        let fits = |l: &Lane| {
            let at = l.starts.partition_point(|&s| s < span.start);
            let before = at.checked_sub(1).map(|p| l.events[p] as usize);
            let after = l.events.get(at).map(|&e| e as usize);
            let claim = |e: usize| doc.spans[e].map(|s| reserved(&s, (doc.title_chars)(e), dpp));
            !l.overlapping
                && before.and_then(claim).is_none_or(|(_, b_end)| b_end <= start)
                && after.and_then(claim).is_none_or(|(a_start, _)| a_start >= end)
        };
        let lane = match band.clone().find(|&l| fits(&self.lanes[l])) {
            Some(l) => l,
            None if band.len() < MAX_LANES => {
                self.lanes.insert(band.end, Lane { group: band_group, ..Lane::default() });
                let new = u32::try_from(band.end).unwrap_or(u32::MAX);
                for l in &mut self.lane_of {
                    if *l != u32::MAX && *l >= new {
                        *l += 1;
                    }
                }
                band.end
            }
            // As a fresh layout does past the limit: share a lane and say it overlaps.
            None => {
                let last = band.end - 1;
                self.lanes[last].overlapping = true;
                last
            }
        };
        let l = &mut self.lanes[lane];
        let at = l.starts.partition_point(|&s| s < span.start);
        l.events.insert(at, index);
        l.starts.insert(at, span.start);
        l.ends.insert(at, span.end);
        l.max_end.insert(at, span.end);
        l.refresh_from(at);
        l.longest = l.longest.max(span.end - span.start);
        l.index_starts();
        self.lane_of[index as usize] = u32::try_from(lane).unwrap_or(u32::MAX);

        let key = |e: u32| doc.spans[e as usize].map_or((0.0, 0.0), |s| (s.start, s.end));
        let (s, e) = (span.start, span.end);
        let at = self.chronological.partition_point(|&o| {
            let (os, oe) = key(o);
            os.total_cmp(&s).then(e.total_cmp(&oe)).then(o.cmp(&index)).is_lt()
        });
        self.chronological.insert(at, index);
        let at = self.by_end.partition_point(|&o| key(o).1.total_cmp(&e).then(o.cmp(&index)).is_lt());
        self.by_end.insert(at, index);
        self.extent = self.measured_extent();
        true
    }

    /// The lanes of `group`'s band (the whole list in a timeline without groups) and the group
    /// its lanes are marked with; `None` when the group has no band.
    fn band(&self, group: Option<u32>) -> Option<(std::ops::Range<usize>, Option<u32>)> {
        let grouped = self.lanes.iter().any(|l| l.is_header);
        if !grouped {
            return group.is_none().then_some((0..self.lanes.len(), None));
        }
        let wanted = Some(group.unwrap_or(NO_GROUP));
        let header = self.lanes.iter().position(|l| l.is_header && l.group == wanted)?;
        let end =
            self.lanes[header + 1..].iter().position(|l| l.is_header).map_or(self.lanes.len(), |n| header + 1 + n);
        Some((header + 1..end, wanted))
    }

    fn renumber(&mut self, f: impl Fn(u32) -> u32) {
        for l in &mut self.lanes {
            l.events.iter_mut().for_each(|e| *e = f(*e));
        }
        self.chronological.iter_mut().for_each(|e| *e = f(*e));
        self.by_end.iter_mut().for_each(|e| *e = f(*e));
    }

    /// The earliest start and latest end, from the lanes (a few dozen of them).
    fn measured_extent(&self) -> Option<(Day, Day)> {
        self.lanes.iter().filter(|l| !l.events.is_empty()).fold(None, |acc, l| {
            let (s, e) = (l.starts[0], l.max_end[l.max_end.len() - 1]);
            Some(acc.map_or((s, e), |(a, b): (Day, Day)| (a.min(s), b.max(e))))
        })
    }
}

impl Lane {
    /// Recomputes the running maximum of ends from position `at` on.
    fn refresh_from(&mut self, at: usize) {
        let mut max = at.checked_sub(1).map_or(f64::NEG_INFINITY, |p| self.max_end[p]);
        for (m, &e) in self.max_end[at..].iter_mut().zip(&self.ends[at..]) {
            max = max.max(e);
            *m = max;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::assign_grouped;
    use super::*;
    use proptest::prelude::*;

    #[allow(clippy::unnecessary_wraps)] // the shape a document's spans have
    fn span(start: f64, len: f64) -> Option<Span> {
        Some(Span::plain(start, len))
    }

    /// Everything a fresh layout guarantees, checked on `lanes` for `spans`.
    fn assert_consistent(lanes: &Lanes, spans: &[Option<Span>], groups: &[Option<u32>], grouped: bool) {
        let fresh = assign_grouped(spans, &|_| 4, &|i| groups[i]);
        assert_eq!(lanes.chronological, fresh.chronological, "chronological order");
        assert_eq!(lanes.by_end, fresh.by_end, "order by end");
        assert_eq!(lanes.extent, fresh.extent, "extent");
        assert_eq!(lanes.lane_of.len(), spans.len());
        let mut seen = 0;
        for (k, l) in lanes.lanes.iter().enumerate() {
            assert!(l.starts.windows(2).all(|w| w[0] <= w[1]), "lane {k} sorted");
            let mut max = f64::NEG_INFINITY;
            for (at, &e) in l.events.iter().enumerate() {
                let s = spans[e as usize].expect("dated events only");
                assert_eq!((l.starts[at], l.ends[at]), (s.start, s.end), "lane {k} holds event {e}'s span");
                assert_eq!(lanes.lane_of[e as usize] as usize, k, "lane_of {e}");
                max = max.max(s.end);
                assert_eq!(l.max_end[at].to_bits(), max.to_bits());
                assert!(l.longest >= s.end - s.start);
                if grouped {
                    assert_eq!(l.group, Some(groups[e as usize].unwrap_or(NO_GROUP)), "event {e} in its band");
                }
                seen += 1;
            }
        }
        assert_eq!(seen, spans.iter().flatten().count(), "every dated event in one lane");
    }

    proptest! {
        #[test]
        fn lanes_updated_in_place_stay_consistent(
            initial in proptest::collection::vec((0.0_f64..3000.0, 0.0_f64..300.0, any::<bool>(), 0_u32..3), 0..60),
            steps in proptest::collection::vec((0_u8..3, any::<prop::sample::Index>(), 0.0_f64..3000.0, 0.0_f64..300.0, any::<bool>()), 1..30),
            grouped in any::<bool>(),
        ) {
            let group_of = |g: u32| if grouped && g < 2 { Some(g) } else { None };
            let mut spans: Vec<Option<Span>> =
                initial.iter().map(|&(s, l, dated, _)| if dated { span(s, l) } else { None }).collect();
            let mut groups: Vec<Option<u32>> = initial.iter().map(|&(.., g)| group_of(g)).collect();
            // Every group keeps a band: an event of each that never moves, dated.
            if grouped {
                for g in [Some(0), Some(1), None] {
                    spans.push(span(-10.0, 1.0));
                    groups.push(g);
                }
            }
            let fixed = if grouped { 3 } else { 0 };
            let mut lanes = assign_grouped(&spans, &|_| 4, &|i| groups[i]);
            for (kind, pick, start, len, dated) in steps {
                let movable = spans.len() - fixed;
                let new_span = if dated { span(start, len) } else { None };
                let group = group_of(u32::from(kind));
                match kind {
                    0 if movable > 0 => {
                        let i = pick.index(movable);
                        let e = u32::try_from(i).expect("small");
                        spans[i] = new_span;
                        groups[i] = group;
                        lanes.take_out(e);
                        let placing = Placing { spans: &spans, title_chars: &|_| 4 };
                        prop_assert!(lanes.place(e, group, &placing));
                    }
                    1 => {
                        let i = pick.index(movable + 1);
                        let e = u32::try_from(i).expect("small");
                        spans.insert(i, new_span);
                        groups.insert(i, group);
                        lanes.insert_slot(e);
                        let placing = Placing { spans: &spans, title_chars: &|_| 4 };
                        prop_assert!(lanes.place(e, group, &placing));
                    }
                    _ if movable > 0 => {
                        let i = pick.index(movable);
                        spans.remove(i);
                        groups.remove(i);
                        lanes.remove_slot(u32::try_from(i).expect("small"));
                    }
                    _ => {}
                }
                assert_consistent(&lanes, &spans, &groups, grouped);
            }
        }
    }

    #[test]
    fn a_moved_event_takes_a_lane_where_it_fits() {
        let spans = vec![span(0.0, 10.0), span(0.0, 10.0), span(500.0, 10.0)];
        let mut lanes = super::super::assign(&spans, &|_| 0);
        assert_eq!(lanes.lanes.len(), 2, "the first two overlap");
        let mut moved = spans.clone();
        moved[1] = span(900.0, 10.0);
        lanes.take_out(1);
        assert!(lanes.place(1, None, &Placing { spans: &moved, title_chars: &|_| 0 }));
        assert_eq!(lanes.lane_of[1], 0, "room in the first lane now");
        assert!(!lanes.lanes.iter().any(|l| l.overlapping));
    }

    #[test]
    fn a_group_without_a_band_asks_for_a_fresh_layout() {
        let spans = vec![span(0.0, 10.0)];
        let mut lanes = assign_grouped(&spans, &|_| 0, &|_| Some(0));
        lanes.take_out(0);
        assert!(!lanes.place(0, Some(1), &Placing { spans: &spans, title_chars: &|_| 0 }));
        let mut plain = super::super::assign(&spans, &|_| 0);
        plain.take_out(0);
        assert!(!plain.place(0, Some(0), &Placing { spans: &spans, title_chars: &|_| 0 }));
    }
}
