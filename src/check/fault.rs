//! What went wrong in an answer, and where: built only on the way out of a
//! failed check, so a good answer pays nothing for paths.

use crate::args::MAX_SHOWN_CHARS;

/// The result of every step of the check: a fault is boxed to keep `Ok` cheap.
pub(super) type Faulty<T> = Result<T, Box<Fault>>;

/// The kind of a fault.
#[derive(Debug)]
pub(super) enum Kind {
    /// The text is not JSON: why.
    Syntax(&'static str),
    /// Arrays and objects nested beyond [`super::json::MAX_DEPTH`].
    TooDeep,
    /// Valid JSON that is not what the schema promises: the problem.
    Check(String),
}

/// One step of a path.
#[derive(Debug)]
pub(super) enum Step {
    /// A field of a model (or of a page).
    Field(&'static str),
    /// An item of a list, counted as the API sent it (`null`s included).
    Index(usize),
    /// A property the model does not have (its text as sent, cut short).
    Key(String),
}

/// A fault in an answer.
#[derive(Debug)]
pub(super) struct Fault {
    /// What it is.
    pub kind: Kind,
    /// Where in the body (for syntax faults).
    pub at: usize,
    /// Where in the answer, innermost step first (pushed while unwinding).
    pub path: Vec<Step>,
}

impl Fault {
    /// Text that is not JSON.
    #[cold]
    pub fn syntax(reason: &'static str, at: usize) -> Box<Fault> {
        Box::new(Fault {
            kind: Kind::Syntax(reason),
            at,
            path: Vec::new(),
        })
    }

    /// Nesting beyond the limit.
    #[cold]
    pub fn too_deep() -> Box<Fault> {
        Box::new(Fault {
            kind: Kind::TooDeep,
            at: 0,
            path: Vec::new(),
        })
    }

    /// Valid JSON that breaks the schema.
    #[cold]
    pub fn check(problem: String) -> Box<Fault> {
        Box::new(Fault {
            kind: Kind::Check(problem),
            at: 0,
            path: Vec::new(),
        })
    }

    /// The fault with `step` added to its path.
    #[cold]
    fn with(mut self: Box<Self>, step: Step) -> Box<Fault> {
        self.path.push(step);
        self
    }

    /// Whether the text itself is broken (so nothing after it can be read).
    pub fn is_syntax(&self) -> bool {
        !matches!(self.kind, Kind::Check(_))
    }

    /// The message of the fault under `root` (the operation's field):
    /// `getJob.outputs[2].file.id: expected a string, got a number`.
    pub fn message(&self, root: &str) -> String {
        let mut text = String::from(root);
        for step in self.path.iter().rev() {
            match step {
                Step::Field(name) => {
                    text.push('.');
                    text.push_str(name);
                }
                Step::Index(index) => {
                    text.push('[');
                    text.push_str(&index.to_string());
                    text.push(']');
                }
                Step::Key(key) => {
                    text.push('.');
                    text.push_str(key);
                }
            }
        }
        text.push_str(": ");
        self.problem(&mut text);
        text
    }

    /// Appends the problem alone.
    pub fn problem(&self, text: &mut String) {
        match &self.kind {
            Kind::Syntax(reason) => {
                text.push_str("not valid JSON: ");
                text.push_str(reason);
                text.push_str(" (at byte ");
                text.push_str(&self.at.to_string());
                text.push(')');
            }
            Kind::TooDeep => text.push_str("nested too deeply"),
            Kind::Check(problem) => text.push_str(problem),
        }
    }
}

/// Adds the step a fault happened under, on its way out.
pub(super) trait At<T> {
    /// `self` with a step made (only on failure) by `step`.
    fn at_with(self, step: impl FnOnce() -> Step) -> Faulty<T>;
}

impl<T> At<T> for Faulty<T> {
    #[inline(always)]
    fn at_with(self, step: impl FnOnce() -> Step) -> Faulty<T> {
        match self {
            Ok(value) => Ok(value),
            Err(fault) => Err(fault.with(step())),
        }
    }
}

/// Server text in a message: at most [`MAX_SHOWN_CHARS`] characters, `…`
/// where it was cut.
pub(super) fn shown(text: &str) -> String {
    cut(text, MAX_SHOWN_CHARS)
}

/// `text` cut to at most `max` characters, on a character boundary, `…`
/// where it was cut.
pub(super) fn cut(text: &str, max: usize) -> String {
    match crate::args::first_chars(text, max) {
        (cut, true) => format!("{cut}…"),
        (whole, false) => whole.to_string(),
    }
}
