//! Every problem is reported at the line and column of the mistake: the token that cannot be
//! read, or, for a missing separator, right after the token it should follow; the value a check
//! refuses; each bad reference at its own place. Mistakes made in the shipped data set.

use ccbnet::data::{Diagnostic, Pos, load_str};

const SHIPPED: &str = ccbnet::data::load::EMBEDDED;

/// The one error of `src`.
#[track_caller]
fn only_error(src: &str) -> Diagnostic {
    let diags = load_str("x.ron", src).expect_err("refused");
    let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.is_error()).collect();
    assert_eq!(errors.len(), 1, "{diags:#?}");
    errors[0].clone()
}

/// The shipped file with line `n` (from 1) changed by `f`.
fn edit_line(n: usize, f: impl Fn(&str) -> String) -> String {
    let mut lines: Vec<String> = SHIPPED.lines().map(str::to_owned).collect();
    lines[n - 1] = f(&lines[n - 1]);
    lines.join("\n")
}

/// The line (from 1) of the first line of the shipped file that `pred` accepts, after `from`.
fn line_where(from: usize, pred: impl Fn(&str) -> bool) -> usize {
    SHIPPED.lines().enumerate().skip(from).find(|(_, l)| pred(l)).expect("such a line").0 + 1
}

/// A position as a diagnostic holds it.
#[expect(clippy::unnecessary_wraps, reason = "compared with a diagnostic's `Option<Pos>`")]
fn at(line: usize, col: usize) -> Option<Pos> {
    Some(Pos { line, col })
}

#[test]
fn a_missing_closing_brace_is_placed_where_the_text_cannot_go_on() {
    // The `}` closing a text, taken away: the next field's name cannot be read inside a text.
    let n = line_where(300, |l| l.trim() == "},");
    let src = edit_line(n, |l| l.replace("},", ""));
    let next = line_where(n, |l| !l.trim().is_empty());
    let col =
        SHIPPED.lines().nth(next - 1).expect("line").find(|c: char| c != ' ').expect("text") + 1;
    let d = only_error(&src);
    assert_eq!(d.pos, at(next, col), "{d}");
    assert!(d.message.contains("expected a language code"), "{d}");
}

#[test]
fn a_missing_comma_is_placed_right_after_the_value_it_should_follow() {
    let n = line_where(300, |l| l.trim_start().starts_with("id: \"") && l.ends_with(','));
    let src = edit_line(n, |l| l.trim_end_matches(',').to_owned());
    let len = SHIPPED.lines().nth(n - 1).expect("line").chars().count();
    let d = only_error(&src);
    assert_eq!(d.pos, at(n, len), "on its own line, right after the id: {d}");
    assert!(d.message.starts_with("expected `,` or `)` after the value of `id`, found `"), "{d}");
    assert!(!d.path.is_empty(), "with the id path: {d}");
}

#[test]
fn an_unclosed_string_is_placed_where_it_opens() {
    let n = line_where(400, |l| l.trim_start().starts_with("\"fr\": \""));
    let src = edit_line(n, |l| l.trim_end_matches("\",").to_owned() + ",");
    let col = SHIPPED.lines().nth(n - 1).expect("line").find("\"fr\": \"").expect("key") + 7;
    let d = only_error(&src);
    assert_eq!(d.pos, at(n, col), "{d}");
    assert!(d.message.contains("closing `\"` missing"), "{d}");
    // And a string that runs to the end of the file.
    let d = only_error(&format!("{HEAD}\nnodes: [(id: \"a\", name: \"open"));
    assert!(d.message.contains("never closed"), "{d}");
    assert_eq!(d.pos, at(2, 25), "{d}");
}

#[test]
fn a_line_of_closing_brackets_in_the_middle_of_the_file_is_reported_on_that_line() {
    let total = SHIPPED.lines().count();
    for n in (40..total - 10).step_by(37) {
        let mut lines: Vec<&str> = SHIPPED.lines().collect();
        lines.insert(n, "]]]]");
        let d = only_error(&lines.join("\n"));
        assert_eq!(d.pos.map(|p| p.line), Some(n + 1), "inserted before line {}: {d}", n + 1);
    }
}

#[test]
fn an_unknown_field_is_placed_at_its_name_with_a_suggestion() {
    let n = line_where(500, |l| l.trim_start().starts_with("frequency:"));
    let src = edit_line(n, |l| l.replace("frequency", "frequncy"));
    let col = SHIPPED.lines().nth(n - 1).expect("line").find("frequency").expect("field") + 1;
    let d = only_error(&src);
    assert_eq!(d.pos, at(n, col), "{d}");
    assert_eq!(d.help.as_deref(), Some("did you mean \"frequency\"?"));
}

#[test]
fn a_dangling_link_is_placed_at_its_id_with_a_suggestion() {
    let n = line_where(0, |l| l.contains("(id: \"qctr\""));
    let src = edit_line(n, |l| l.replace("\"qctr\"", "\"qctrr\""));
    let col = SHIPPED.lines().nth(n - 1).expect("line").find("\"qctr\"").expect("id") + 1;
    let d = only_error(&src);
    assert_eq!(d.pos, at(n, col), "{d}");
    assert_eq!(d.help.as_deref(), Some("did you mean \"qctr\"?"));
}

#[test]
fn a_duplicate_id_is_placed_at_its_second_use_and_names_the_first() {
    let first = line_where(0, |l| l.trim() == "id: \"qctr\",");
    let n = line_where(first, |l| l.trim_start().starts_with("id: \""));
    let src = edit_line(n, |l| format!("{}\"qctr\",", &l[..l.find('"').expect("quote")]));
    let col = SHIPPED.lines().nth(n - 1).expect("line").find('"').expect("quote") + 1;
    let diags = load_str("x.ron", &src).expect_err("refused");
    let d = diags.iter().find(|d| d.message.contains("used twice")).expect("the duplicate");
    assert_eq!(d.pos, at(n, col), "{d}");
    let first_col = SHIPPED.lines().nth(first - 1).expect("line").find('"').expect("quote") + 1;
    assert!(d.message.ends_with(&format!("first used at line {first}, column {first_col}")), "{d}");
}

const HEAD: &str =
    r#"Dataset(format: 1, languages: ["fr"], title: "t", source: (note: "n", as_of: "a"),"#;

#[test]
fn every_bad_reference_is_reported_at_its_own_position() {
    let src = format!(
        "{HEAD}\nnodes: [(id: \"a\", name: \"A\",\nrelated: [\"nope\", \"nope\",\n  \"nope\"])])"
    );
    let diags = load_str("x", &src).expect_err("refused");
    let places: Vec<Option<Pos>> = diags.iter().map(|d| d.pos).collect();
    assert_eq!(places, [at(3, 11), at(3, 19), at(4, 3)], "{diags:#?}");
}

#[test]
fn a_part_of_circle_of_any_length_is_an_error() {
    for len in [2, 3, 7] {
        let orgs = (0..len).fold(String::new(), |s, k| {
            s + &format!("(id: \"o{k}\", name: \"O\", part_of: \"o{}\"),\n", (k + 1) % len)
        });
        let src = format!("{HEAD}\norganisations: [\n{orgs}],\nnodes: [(id: \"a\", name: \"A\")])");
        let d = only_error(&src);
        assert!(d.message.contains("goes round in a circle: o0 > "), "{d}");
        assert_eq!(d.pos, at(3, 32), "at the part_of of the first of the circle: {d}");
    }
    let fine = format!(
        "{HEAD}\norganisations: [(id: \"a\", name: \"A\", part_of: \"b\"), (id: \"b\", name: \"B\")],\nnodes: [(id: \"n\", name: \"N\")])"
    );
    assert!(load_str("x", &fine).is_ok());
}

#[test]
fn a_name_made_only_of_invisible_characters_is_empty() {
    for name in
        ["\\u{200B}\\u{200D}", "\\u{301}\\u{302}", "\\u{1b}\\u{7}", " \\u{FEFF} ", "\\u{2060}"]
    {
        let src = format!("{HEAD}\nnodes: [(id: \"a\", name: \"{name}\")])");
        let d = only_error(&src);
        assert_eq!(d.message, "the name is empty", "{name}: {d}");
        assert_eq!(d.pos, at(2, 25), "{d}");
    }
    let src = format!("{HEAD}\nnodes: [(id: \"a\", name: \"e\\u{{301}}\")])");
    assert!(load_str("x", &src).is_ok(), "a letter with its accent is a name");
}

#[test]
fn a_snippet_shows_the_line_and_a_caret_under_the_mistake() {
    let src = format!("{HEAD}\nnodes: [(id: \"a\", nme: \"A\")])");
    let d = only_error(&src);
    assert_eq!(
        d.snippet().as_deref(),
        Some("  |\n2 | nodes: [(id: \"a\", nme: \"A\")])\n  |                   ^")
    );
    assert_eq!(d.help.as_deref(), Some("did you mean \"name\"?"));
}
