// The token classes of the code the page shows: one table shared by the
// highlighter that runs at compile time (`build.rs` includes this file) and
// the page that colours with its output (`highlight.rs`), so a class code
// means the same on both sides. Plain Rust with no imports, for `include!`.

/// What a piece of code is, for colouring. The discriminant is the code
/// `build.rs` writes into the low three bits of each run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Class {
    Plain = 0,
    Comment = 1,
    Str = 2,
    Number = 3,
    Type = 4,
    Function = 5,
    Macro = 6,
    Keyword = 7,
}

impl Class {
    /// Every class, in code order.
    pub const ALL: [Class; 8] = [
        Class::Plain,
        Class::Comment,
        Class::Str,
        Class::Number,
        Class::Type,
        Class::Function,
        Class::Macro,
        Class::Keyword,
    ];

    /// The class a run's low three bits name.
    pub fn from_code(code: u8) -> Class {
        Class::ALL[(code & 7) as usize]
    }
}
