//! "Did you mean …?": the nearest known names to a name a caller got wrong, in
//! plain Rust. Used for enum values (`FBX` → `MAIN_FBX`) and for unknown
//! property names (`endpointURL` → `endpointUrl`, `timeout` → `timeoutMs`).

/// Names people reach for from other SDKs, mapped to ours. Only suggested when
/// the target is one of the names the caller could have meant.
const ALIASES: &[(&str, &str)] = &[
    ("baseurl", "endpointUrl"),
    ("url", "endpointUrl"),
    ("endpoint", "endpointUrl"),
    ("apiurl", "endpointUrl"),
    ("key", "apiKey"),
    ("token", "apiKey"),
    ("apitoken", "apiKey"),
    ("retries", "maxRetries"),
    ("headers", "defaultHeaders"),
    ("expands", "expand"),
    ("sort", "sortBy"),
    ("sortdirection", "sortBy"),
    ("first", "limit"),
    ("after", "nextToken"),
    ("cursor", "nextToken"),
    ("type", "format"),
];

/// The names of `known` that `given` most likely meant, best first (at most two).
///
/// A name matches when it differs only in letter case or separators, when it
/// is a known alias, when one holds the other as a whole `_`-separated part or
/// as a prefix (`FBX` → `MAIN_FBX`, `timeout` → `timeoutMs`), or when it is at
/// most a couple of typing mistakes away (`MIAN_FBX` → `MAIN_FBX`). Names are
/// compared as bytes: the known ones are ASCII, and a caller's non-ASCII
/// letters simply count as other letters.
pub fn did_you_mean<'a>(given: &str, known: &[&'a str]) -> Vec<&'a str> {
    let wanted = squash(given);
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut ranked: Vec<(usize, usize, &'a str)> = Vec::new();
    for (order, &name) in known.iter().enumerate() {
        let candidate = squash(name);
        let rank = if candidate == wanted {
            Some(0)
        } else if ALIASES
            .iter()
            .any(|&(alias, to)| alias.as_bytes() == wanted && to == name)
        {
            Some(1)
        } else if holds_part(name.as_bytes(), given.as_bytes())
            || holds_part(given.as_bytes(), name.as_bytes())
            || (candidate.len() >= 3 && wanted.starts_with(&candidate))
        {
            Some(2)
        } else if shares_most_of(&wanted, &candidate) {
            Some(3)
        } else {
            let distance = edit_distance(&wanted, &candidate);
            let allowed = (wanted.len().max(candidate.len()) / 4).clamp(1, 2);
            (distance <= allowed).then_some(3 + distance)
        };
        if let Some(rank) = rank {
            ranked.push((rank, order, name));
        }
    }
    // The best two by (rank, order): two passes cost less code than a sort.
    let mut best = Vec::with_capacity(2);
    for _ in 0..2 {
        let Some(at) = (0..ranked.len()).min_by_key(|&i| ranked.get(i).map(|r| (r.0, r.1))) else {
            break;
        };
        best.push(ranked.swap_remove(at).2);
    }
    best
}

/// `"; did you mean \"A\"?"`, `"; did you mean \"A\" or \"B\"?"`, or nothing.
pub fn hint(given: &str, known: &[&str]) -> String {
    match did_you_mean(given, known).as_slice() {
        [] => String::new(),
        [one] => format!("; did you mean \"{one}\"?"),
        [one, two, ..] => format!("; did you mean \"{one}\" or \"{two}\"?"),
    }
}

/// Lower case without `_`, `-` and spaces: `MAIN_FBX`, `main-fbx` → `mainfbx`.
fn squash(name: &str) -> Vec<u8> {
    name.bytes()
        .filter(|b| !matches!(b, b'_' | b'-' | b' '))
        .map(|b| b.to_ascii_lowercase())
        .collect()
}

/// Whether `whole` holds `part` as one of its `_`-separated parts, or starts
/// with it as a camelCase word (`timeoutMs` starts with `timeout`).
fn holds_part(whole: &[u8], part: &[u8]) -> bool {
    if part.len() < 3 || part.len() >= whole.len() {
        return false;
    }
    if whole.contains(&b'_') {
        return whole
            .split(|&b| b == b'_')
            .any(|p| p.eq_ignore_ascii_case(part));
    }
    // camelCase: the part must end where a new word starts.
    whole
        .get(..part.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(part))
        && whole.get(part.len()).is_some_and(u8::is_ascii_uppercase)
}

/// Whether the two share a beginning of at least five letters that is most
/// of the shorter one (`maxretry` and `maxretries`).
fn shares_most_of(a: &[u8], b: &[u8]) -> bool {
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    common >= 5 && common * 4 >= a.len().min(b.len()) * 3
}

/// The optimal-string-alignment distance (Levenshtein plus swaps of two
/// neighbouring letters), on short names.
fn edit_distance(a: &[u8], b: &[u8]) -> usize {
    // Three rows: the one before last, the last, and the current.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut last: Vec<usize> = (0..=b.len()).collect();
    let mut current: Vec<usize> = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        if let Some(first) = current.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let deletion = last.get(j + 1).copied().unwrap_or(usize::MAX) + 1;
            let insertion = current.get(j).copied().unwrap_or(usize::MAX) + 1;
            let substitution = last.get(j).copied().unwrap_or(usize::MAX) + cost;
            let mut best = deletion.min(insertion).min(substitution);
            let swapped =
                i > 0 && j > 0 && a.get(i - 1) == Some(cb) && b.get(j - 1) == Some(ca) && ca != cb;
            if swapped {
                best = best.min(before.get(j - 1).copied().unwrap_or(usize::MAX) + 1);
            }
            if let Some(cell) = current.get_mut(j + 1) {
                *cell = best;
            }
        }
        std::mem::swap(&mut before, &mut last);
        std::mem::swap(&mut last, &mut current);
    }
    last.get(b.len()).copied().unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTPUTS: &[&str] = &["MAIN_FBX", "MAIN_GLB", "ALL_FBX", "RENDER_VIDEO"];
    const OPTIONS: &[&str] = &["apiKey", "endpointUrl", "timeoutMs", "maxRetries"];

    #[test]
    fn near_misses_of_enum_values() {
        assert_eq!(did_you_mean("FBX", OUTPUTS), ["MAIN_FBX", "ALL_FBX"]);
        assert_eq!(did_you_mean("MIAN_FBX", OUTPUTS), ["MAIN_FBX"]);
        assert_eq!(did_you_mean("render-video", OUTPUTS), ["RENDER_VIDEO"]);
        assert_eq!(did_you_mean("video", OUTPUTS), ["RENDER_VIDEO"]);
        assert_eq!(did_you_mean("ascending", &["DESC", "ASC"]), ["ASC"]);
        assert_eq!(did_you_mean("descending", &["DESC", "ASC"]), ["DESC"]);
        assert!(did_you_mean("UNKNOWN_OUTPUT", OUTPUTS).is_empty());
        assert!(did_you_mean("", OUTPUTS).is_empty());
    }

    #[test]
    fn near_misses_and_aliases_of_property_names() {
        assert_eq!(did_you_mean("endpointURL", OPTIONS), ["endpointUrl"]);
        assert_eq!(did_you_mean("baseURL", OPTIONS), ["endpointUrl"]);
        assert_eq!(did_you_mean("timeout", OPTIONS), ["timeoutMs"]);
        assert_eq!(did_you_mean("apikey", OPTIONS), ["apiKey"]);
        assert_eq!(did_you_mean("maxRetry", OPTIONS), ["maxRetries"]);
        assert!(did_you_mean("headers", OPTIONS).is_empty());
        assert_eq!(
            hint("timeout", OPTIONS),
            "; did you mean \"timeoutMs\"?".to_string()
        );
        assert_eq!(hint("headers", OPTIONS), String::new());
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance(b"mainfbx", b"mainfbx"), 0);
        assert_eq!(edit_distance(b"mianfbx", b"mainfbx"), 1);
        assert_eq!(edit_distance(b"", b"abc"), 3);
        assert_eq!(edit_distance(b"kitten", b"sitting"), 3);
    }
}
