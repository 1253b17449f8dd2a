//! What the Proposals list remembers between frames: the row the keyboard is on, the rows
//! selected together, the rows showing their neighbours, and the rows decided on whose
//! decision the list does not show yet (proposals are read again in the background after each
//! edit: until then, a decided row is hidden at once, so the next row takes its place under the
//! pointer and the keyboard, and the list never jumps later).

use std::collections::HashSet;

use crate::model::propose::Proposal;

/// A proposal told apart from the others of its list: its source, sentence and date.
pub type Key = (String, usize, Option<String>);

pub fn key(p: &Proposal) -> Key {
    (p.source.clone(), p.sentence.start, p.when.clone())
}

#[derive(Default)]
pub struct ListState {
    /// The row the keyboard is on (A, R, ↑, ↓).
    pub cursor: Option<Key>,
    /// Rows selected together (Ctrl-click, Shift-click), the cursor among them.
    pub selected: HashSet<Key>,
    /// Where a Shift-click selects from.
    anchor: Option<Key>,
    /// Rows showing the sentences around theirs.
    pub context: HashSet<Key>,
    /// Rows decided on, hidden until the list read after the decision comes.
    decided: HashSet<Key>,
    /// The list the decisions were made on (its address: a new reading is a new list).
    decided_on: usize,
    /// The cursor moved by the keyboard: its row scrolls into view.
    pub scroll_to_cursor: bool,
}

/// How a click picks rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Pick {
    One,
    /// Ctrl (⌘) held: added or taken out.
    Toggle,
    /// Shift held: every row from the last one picked.
    Through,
}

impl ListState {
    /// The rows of `list` to show, in its order: those not decided on. A new list (read after
    /// the decisions) shows all it holds.
    pub fn visible<'a>(&mut self, list: &'a [Proposal]) -> Vec<&'a Proposal> {
        let address = list.as_ptr() as usize;
        if address != self.decided_on {
            self.decided.clear();
            self.decided_on = address;
        }
        let shown: Vec<&Proposal> = list.iter().filter(|p| !self.decided.contains(&key(p))).collect();
        // What is no longer listed is no longer selected.
        let keys: HashSet<Key> = shown.iter().map(|p| key(p)).collect();
        self.selected.retain(|k| keys.contains(k));
        if self.cursor.as_ref().is_some_and(|c| !keys.contains(c)) {
            self.cursor = None;
        }
        shown
    }

    /// A click on `k` among `shown`.
    pub(crate) fn pick(&mut self, shown: &[&Proposal], k: &Key, how: Pick) {
        match how {
            Pick::One => {
                self.selected.clear();
                self.selected.insert(k.clone());
                self.anchor = Some(k.clone());
            }
            Pick::Toggle => {
                if !self.selected.remove(k) {
                    self.selected.insert(k.clone());
                }
                self.anchor = Some(k.clone());
            }
            Pick::Through => {
                let at = |k: &Key| shown.iter().position(|p| key(p) == *k);
                let from = self.anchor.as_ref().and_then(at).or_else(|| self.cursor.as_ref().and_then(at));
                if let (Some(a), Some(b)) = (from, at(k)) {
                    self.selected = shown[a.min(b)..=a.max(b)].iter().map(|p| key(p)).collect();
                } else {
                    self.selected = HashSet::from([k.clone()]);
                }
            }
        }
        self.cursor = Some(k.clone());
    }

    /// The cursor moved `by` rows (−1 up, 1 down) within `shown`; the first row when none was.
    pub fn step(&mut self, shown: &[&Proposal], by: isize) {
        if shown.is_empty() {
            return;
        }
        let at = self.cursor.as_ref().and_then(|c| shown.iter().position(|p| key(p) == *c));
        let next = match at {
            None => 0,
            Some(i) => i.saturating_add_signed(by).min(shown.len() - 1),
        };
        let k = key(shown[next]);
        self.selected = HashSet::from([k.clone()]);
        self.anchor = Some(k.clone());
        self.cursor = Some(k);
        self.scroll_to_cursor = true;
    }

    /// What a decision by the keyboard or the selection bar applies to: the rows selected, or
    /// the cursor's.
    pub fn chosen<'a>(&self, shown: &[&'a Proposal]) -> Vec<&'a Proposal> {
        let picked: Vec<&Proposal> = shown.iter().copied().filter(|p| self.selected.contains(&key(p))).collect();
        if !picked.is_empty() {
            return picked;
        }
        shown.iter().copied().filter(|p| self.cursor.as_ref() == Some(&key(p))).collect()
    }

    /// `decided` were accepted or rejected: hidden at once. A cursor among them goes to the row
    /// after its own (else the one before), selected alone; a cursor on a row left stays where
    /// it is (a "Reject Like This" takes rows far from it, and the keyboard must not follow them
    /// out of view).
    pub(crate) fn decide(&mut self, shown: &[&Proposal], decided: &[&Proposal]) {
        let gone: HashSet<Key> = decided.iter().map(|p| key(p)).collect();
        self.decided.extend(gone.iter().cloned());
        self.selected.retain(|k| !gone.contains(k));
        let Some(cursor) = self.cursor.clone() else { return };
        let next = if gone.contains(&cursor) {
            let at = shown.iter().position(|p| key(p) == cursor).unwrap_or(0);
            let after = shown[at..].iter().find(|p| !gone.contains(&key(p)));
            after.or_else(|| shown[..at].iter().rev().find(|p| !gone.contains(&key(p)))).map(|p| key(p))
        } else {
            Some(cursor)
        };
        self.selected = next.iter().cloned().collect();
        self.anchor.clone_from(&next);
        self.cursor = next;
        self.scroll_to_cursor = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(n: usize) -> Vec<Proposal> {
        (0..n)
            .map(|i| Proposal {
                source: "s".into(),
                sentence: i * 10..i * 10 + 9,
                quote: format!("q{i}"),
                expression: i * 10..i * 10 + 4,
                when: Some(format!("20{i:02}")),
                span: Some((0.0, 0.0)),
                title: String::new(),
                pin: None,
                siblings: 0,
                anchor: None,
            })
            .collect()
    }

    #[test]
    fn a_decision_hides_the_row_and_keeps_the_cursor_in_place() {
        let all = list(5);
        let mut state = ListState::default();
        let shown = state.visible(&all);
        state.step(&shown, 1);
        state.step(&shown, 1);
        assert_eq!(state.cursor, Some(key(&all[1])));
        let chosen = state.chosen(&shown);
        assert_eq!(chosen.len(), 1);
        state.decide(&shown, &chosen);
        let shown = state.visible(&all);
        assert_eq!(shown.len(), 4);
        assert_eq!(state.cursor, Some(key(&all[2])), "the next row takes its place");
        // The last row decided: the cursor goes up.
        state.step(&shown, 10);
        state.decide(&shown, &state.chosen(&shown));
        assert_eq!(state.cursor, Some(key(&all[3])));
        // A new reading shows what it holds.
        let again = list(5);
        assert_eq!(state.visible(&again).len(), 5);
    }

    #[test]
    fn rows_decided_elsewhere_leave_the_cursor_where_it_is_and_shift_picks_from_it() {
        let all = list(8);
        let mut state = ListState::default();
        let shown = state.visible(&all);
        for _ in 0..6 {
            state.step(&shown, 1);
        }
        assert_eq!(state.cursor, Some(key(&all[5])));
        // "Reject Like This" takes a row far above and the cursor's own.
        state.decide(&shown, &[&all[0], &all[5]]);
        let shown = state.visible(&all);
        assert_eq!(state.cursor, Some(key(&all[6])), "the row after the cursor's, not after the first decided");
        // Rows decided away from the cursor do not move it.
        state.decide(&shown, &[&all[1], &all[2]]);
        let shown = state.visible(&all);
        assert_eq!(state.cursor, Some(key(&all[6])));
        // A click, then a Shift-click: the rows between.
        state.pick(&shown, &key(&all[3]), Pick::One);
        state.pick(&shown, &key(&all[7]), Pick::Through);
        let picked: Vec<&str> = state.chosen(&shown).iter().filter_map(|p| p.when.as_deref()).collect();
        assert_eq!(picked, ["2003", "2004", "2006", "2007"]);
        // Shift-click right after a decision picks from the cursor the decision left.
        state.decide(&shown, &state.chosen(&shown));
        let shown = state.visible(&all);
        assert!(state.cursor.is_none() || shown.iter().any(|p| Some(key(p)) == state.cursor));
    }

    #[test]
    fn shift_and_ctrl_pick_several() {
        let all = list(6);
        let mut state = ListState::default();
        let shown = state.visible(&all);
        state.pick(&shown, &key(&all[1]), Pick::One);
        state.pick(&shown, &key(&all[4]), Pick::Through);
        assert_eq!(state.chosen(&shown).len(), 4);
        state.pick(&shown, &key(&all[2]), Pick::Toggle);
        let chosen: Vec<String> = state.chosen(&shown).iter().filter_map(|p| p.when.clone()).collect();
        assert_eq!(chosen, ["2001", "2003", "2004"]);
        state.decide(&shown, &state.chosen(&shown));
        let shown = state.visible(&all);
        assert_eq!(shown.iter().filter_map(|p| p.when.as_deref()).collect::<Vec<_>>(), ["2000", "2002", "2005"]);
        assert_eq!(state.cursor, Some(key(&all[2])), "after the first decided, the next one left");
    }
}
