//! The structure check of `.ci/run` (`scripts/check_layout.sh`) passes on
//! this tree and fails on each kind of violation.

use std::path::Path;
use std::process::Command;

fn check(root: &Path) -> (bool, String) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/check_layout.sh");
    let out = Command::new("bash")
        .arg(script)
        .arg(root)
        .output()
        .expect("run check_layout");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned())
}

fn tree(files: &[(&str, String)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("dirs");
        std::fs::write(p, text).expect("write");
    }
    dir
}

#[test]
fn the_tree_passes_its_layout_check() {
    let (ok, out) = check(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(ok, "{out}");
}

#[test]
fn layout_check_fails_on_upward_imports_sql_in_api_and_long_files() {
    let fine = tree(&[
        ("src/calendar/a.rs", "use crate::lexicon::Lang;\n".into()),
        ("src/api/b.rs", "use crate::store::read::Reader;\n".into()),
    ]);
    assert!(check(fine.path()).0);

    let upward = tree(&[("src/calendar/a.rs", "use crate::extract::parse_day;\n".into())]);
    let (ok, out) = check(upward.path());
    assert!(
        !ok && out.contains("src/calendar imports from a layer above it"),
        "{out}"
    );

    let lexicon = tree(&[(
        "src/lexicon/a.rs",
        "fn f() { crate::chronology::fold_for_matching(\"\"); }\n".into(),
    )]);
    assert!(!check(lexicon.path()).0);

    let sql = tree(&[(
        "src/api/b.rs",
        "async fn f(p: &Pool) { sqlx::query(\"SELECT 1\").execute(p).await; }\n".into(),
    )]);
    let (ok, out) = check(sql.path());
    assert!(!ok && out.contains("src/api contains SQL"), "{out}");

    let long = tree(&[("src/store/big.rs", "// line\n".repeat(801))]);
    let (ok, out) = check(long.path());
    assert!(!ok && out.contains("src/store/big.rs has 801 lines"), "{out}");
}
