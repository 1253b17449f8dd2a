//! Pure layout: the time axis, ticks, lanes, rows and text measurement. Nothing here paints.

pub mod axis;
pub mod lanes;
pub mod overview;
pub mod rows;
pub mod text;
pub mod ticks;
pub mod visibility;

pub use axis::{AxisMapping, TimeView};
pub use lanes::Lanes;
pub use text::TextMeasure;
pub use visibility::{Beyond, Visibility};
