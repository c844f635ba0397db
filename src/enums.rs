//! The API's enums as callers write them: in any letter case (`'main_fbx'`,
//! `'Take'`, `'desc'`), one rule for every enum, and a "did you mean" for a
//! near miss (`'FBX'` → `"MAIN_FBX"`). Each is declared with [`api_enum!`],
//! which spells every name once, for sending and for reading.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, Visitor};

use crate::suggest;

/// An enum of the API that callers may spell in any letter case.
pub trait ApiEnum: Sized + Copy + PartialEq + 'static {
    /// Every value with the name the API (and TypeScript) uses, in the order a
    /// suggestion should prefer.
    const VALUES: &'static [(&'static str, Self)];

    /// Reads a name in any letter case.
    fn parse(name: &str) -> Option<Self> {
        Self::VALUES
            .iter()
            .find(|(known, _)| known.eq_ignore_ascii_case(name))
            .map(|&(_, value)| value)
    }

    /// The API's name of this value.
    fn as_str(self) -> &'static str {
        Self::VALUES
            .iter()
            .find(|(_, value)| *value == self)
            .map_or("", |&(name, _)| name)
    }

    /// Every name, in order.
    fn names() -> Vec<&'static str> {
        Self::VALUES.iter().map(|&(name, _)| name).collect()
    }

    /// What a caller reads when `given` is none of the names.
    fn unknown(given: &str) -> String {
        let names = Self::names();
        format!(
            "expected one of {}, got {}{}",
            names.join(", "),
            crate::args::shown_str(given),
            suggest::hint(given, &names)
        )
    }
}

/// Deserialises an [`ApiEnum`] from a string in any letter case.
pub fn deserialize_any_case<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: ApiEnum,
{
    struct AnyCase<T>(PhantomData<T>);

    impl<T: ApiEnum> Visitor<'_> for AnyCase<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            write!(f, "one of {}", T::names().join(", "))
        }

        fn visit_str<E: de::Error>(self, name: &str) -> Result<T, E> {
            T::parse(name).ok_or_else(|| E::custom(T::unknown(name)))
        }
    }

    deserializer.deserialize_str(AnyCase(PhantomData))
}

/// Declares an enum of the API with each value's name spelled once: the
/// variant's serde name (what is sent, and the TypeScript union) and its place
/// in [`ApiEnum::VALUES`] (a suggestion prefers the earlier ones) both come
/// from `Variant = "NAME"`, and `Deserialize` reads any letter case.
macro_rules! api_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$variant_meta:meta])* $variant:ident = $api:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, tsify::Tsify)]
        pub enum $name {
            $( $(#[$variant_meta])* #[serde(rename = $api)] $variant, )+
        }

        impl $crate::enums::ApiEnum for $name {
            const VALUES: &'static [(&'static str, Self)] = &[ $( ($api, $name::$variant), )+ ];
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::enums::deserialize_any_case(deserializer)
            }
        }
    };
}
pub(crate) use api_enum;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::OutputType;

    #[test]
    fn any_letter_case_reads_and_near_misses_are_suggested() {
        let read = |json: &str| serde_json::from_str::<OutputType>(json).map_err(|e| e.to_string());
        assert_eq!(read(r#""main_fbx""#), Ok(OutputType::MainFbx));
        assert_eq!(read(r#""Render_Video""#), Ok(OutputType::RenderVideo));
        let e = read(r#""FBX""#).unwrap_err();
        assert!(
            e.contains(r#"got "FBX"; did you mean "MAIN_FBX" or "ALL_FBX"?"#),
            "{e}"
        );
        assert!(e.starts_with("expected one of MAIN_BLEND, "), "{e}");
        let e = read("5").unwrap_err();
        assert!(
            e.starts_with("invalid type: integer `5`, expected one of"),
            "{e}"
        );
        assert_eq!(OutputType::MainFbx.as_str(), "MAIN_FBX");
    }
}
