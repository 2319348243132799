//! The data set: its file format, loading, validation and the indexed form the explorer reads.
pub mod schema;
#[cfg(test)]
mod probe {
    use super::schema::*;
    #[test]
    fn probe() {
        let opts = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
        let src = r#"Dataset(format: 1, languages: ["fr","nl"], title: {"fr": "a", "nl": "b"},
          source: (note: "x", as_of: "y"),
          nodes: [Node(id: "a", name: "A", acronym: {"fr": "X"}, kind: Level, related: ["b", (id: "c", role: "r"), Ref(id: "d")], children: [(id: "z", name: "Z")])])"#;
        let d: Dataset = opts.from_str(src).unwrap();
        eprintln!("{d:#?}");
        let bad = "Dataset(format: 1, languages: [], title: 3)";
        let e = opts.from_str::<Dataset>(bad).unwrap_err();
        eprintln!("{e}");
        let bad = "Dataset(format: 1, languages: [], title: {\"fr\": \"a\", \"fr\": \"b\"})";
        let e = opts.from_str::<Dataset>(bad).unwrap_err();
        eprintln!("{e}");
    }
}
