//! Pure layout: the time axis, ticks, lanes and text measurement. Nothing here paints.

pub mod axis;
pub mod lanes;
pub mod text;
pub mod ticks;

pub use axis::{AxisMapping, TimeView};
pub use lanes::Lanes;
pub use text::TextMeasure;
