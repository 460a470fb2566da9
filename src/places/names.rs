//! Matching place names as reports spell them.
//!
//! A name is reduced to a key: lower case, diacritics folded (ŏ -> o, ū -> u: McCune-Reischauer and Hepburn
//! spellings match plain ones), apostrophes dropped ("P'yŏngyang" = "Pyongyang"), every other non-alphanumeric
//! character a word break, a leading "the" dropped, and the words joined without spaces, so that "Oshima-Oshima",
//! "Oshima Oshima" and "oshimaoshima" are one key.
//!
//! A looser key also drops generic words: a possessive and everything before it ("Hokkaido's Oshima Peninsula" ->
//! "Oshima Peninsula"), a leading "island of", "isle of", "city of", "town of", "port of", and a trailing "island",
//! "islands", "city", "prefecture", "county", "town", "village", "region", "area" or "district". The hedges of
//! launch reports are dropped the same way: a leading "near", "proximity of", "vicinity of", "outskirts of".

/// Folds one character: lower case, common Latin diacritics removed.
fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ĭ' => 'i',
        'ñ' | 'ń' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ŭ' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '`' | '‘')
}

/// One word of a name, with whether it was written as a possessive ("Hokkaido's").
#[derive(Debug, Clone, PartialEq)]
struct Word {
    text: String,
    possessive: bool,
}

/// Splits a name into folded words.
fn words(name: &str) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    for raw in name.split(|c: char| !(c.is_alphanumeric() || is_apostrophe(c))) {
        if raw.is_empty() {
            continue;
        }
        let lower: Vec<char> = raw.chars().flat_map(char::to_lowercase).map(fold_char).collect();
        let n = lower.len();
        let possessive =
            n >= 3 && lower.get(n - 1) == Some(&'s') && lower.get(n - 2).is_some_and(|&c| is_apostrophe(c));
        let stem: String = if possessive { lower[..n - 2].iter().collect() } else { lower.iter().collect() };
        let text: String = stem.chars().filter(|c| !is_apostrophe(*c)).collect();
        if !text.is_empty() {
            out.push(Word { text, possessive });
        }
    }
    out
}

fn join(ws: &[Word]) -> String {
    ws.iter().map(|w| w.text.as_str()).collect()
}

fn drop_leading_the(ws: &[Word]) -> &[Word] {
    match ws.first() {
        Some(w) if w.text == "the" && ws.len() > 1 => &ws[1..],
        _ => ws,
    }
}

/// The key of a name: folded words without a leading "the", joined without spaces.
///
/// "The Cape Erimo" -> "capeerimo"; "Oshima-Oshima" -> "oshimaoshima"; "P'yŏngyang" -> "pyongyang".
pub(crate) fn key(name: &str) -> String {
    let ws = words(name);
    join(drop_leading_the(&ws))
}

/// The folded words of a name without a leading "the": "The Oshima-Oshima" -> ["oshima", "oshima"].
pub(crate) fn word_keys(name: &str) -> Vec<String> {
    let ws = words(name);
    drop_leading_the(&ws).iter().map(|w| w.text.clone()).collect()
}

const GENERIC_PREFIXES: &[&[&str]] = &[
    &["island", "of"],
    &["isle", "of"],
    &["city", "of"],
    &["town", "of"],
    &["port", "of"],
    // How reports hedge a launch site: "near Pyongyang", "the proximity of Sunan" (Japan MoD, 2017-09-15).
    &["near"],
    &["proximity", "of"],
    &["vicinity", "of"],
    &["outskirts", "of"],
];
const GENERIC_SUFFIXES: &[&str] =
    &["island", "islands", "city", "prefecture", "county", "town", "village", "region", "area", "district"];

/// The loose key of a name (see the module docs), or `None` when it equals the key or would be empty.
pub(crate) fn loose_key(name: &str) -> Option<String> {
    let all = words(name);
    let mut ws: &[Word] = drop_leading_the(&all);
    if let Some(last_possessive) = ws.iter().rposition(|w| w.possessive)
        && last_possessive + 1 < ws.len()
    {
        ws = &ws[last_possessive + 1..];
    }
    ws = drop_leading_the(ws);
    for prefix in GENERIC_PREFIXES {
        if ws.len() > prefix.len() && ws.iter().zip(prefix.iter()).all(|(w, p)| w.text == *p) {
            ws = &ws[prefix.len()..];
            break;
        }
    }
    if ws.len() > 1
        && let Some(last) = ws.last()
        && GENERIC_SUFFIXES.contains(&last.text.as_str())
    {
        ws = &ws[..ws.len() - 1];
    }
    let loose = join(ws);
    if loose.is_empty() || loose == key(name) { None } else { Some(loose) }
}

/// Parts of a query worth trying on their own: the text before a comma ("Cape Erimo, Hokkaido") and the text
/// without a parenthesis ("Oshima-Oshima (island)").
pub(crate) fn variants(name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    if let Some((head, _)) = name.split_once(',') {
        out.push(head.to_string());
    }
    if let Some(open) = name.find('(') {
        let close = name[open..].find(')').map_or(name.len(), |c| open + c + 1);
        let without = format!("{}{}", &name[..open], name.get(close..).unwrap_or(""));
        out.push(without);
    }
    out.retain(|v| !key(v).is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(key("The Cape Erimo"), "capeerimo");
        assert_eq!(key("Oshima-Oshima"), "oshimaoshima");
        assert_eq!(key("oshima  oshima"), "oshimaoshima");
        assert_eq!(key("P'yŏngyang"), "pyongyang");
        assert_eq!(key("Tōhoku"), "tohoku");
        assert_eq!(key("Kaech’ŏn"), "kaechon");
        assert_eq!(key("Washington, D.C."), "washingtondc");
        assert_eq!(key("the"), "the");
        assert_eq!(key("!!"), "");
    }

    #[test]
    fn loose_keys() {
        assert_eq!(loose_key("Hokkaido's Oshima peninsula").as_deref(), Some("oshimapeninsula"));
        assert_eq!(loose_key("Hokkaido’s Oshima Peninsula").as_deref(), Some("oshimapeninsula"));
        assert_eq!(loose_key("the island of Oshima-Oshima").as_deref(), Some("oshimaoshima"));
        assert_eq!(loose_key("the proximity of Sunan").as_deref(), Some("sunan"));
        assert_eq!(loose_key("near Pyongyang").as_deref(), Some("pyongyang"));
        assert_eq!(loose_key("Okushiri Island").as_deref(), Some("okushiri"));
        assert_eq!(loose_key("Akita City").as_deref(), Some("akita"));
        assert_eq!(loose_key("Cape Erimo"), None);
        assert_eq!(loose_key("Island"), None);
    }

    #[test]
    fn query_variants() {
        assert_eq!(variants("Cape Erimo, Hokkaido"), vec!["Cape Erimo, Hokkaido", "Cape Erimo"]);
        assert_eq!(variants("Oshima-Oshima (island)"), vec!["Oshima-Oshima (island)", "Oshima-Oshima "]);
        assert_eq!(variants(", x"), vec![", x"]);
    }
}
