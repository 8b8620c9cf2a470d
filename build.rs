//! Embeds the bundled catalog: every file under `catalog/` becomes a (path, text) pair in the
//! binary, so the program runs from any folder with no set-up.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=catalog");
    let mut files = Vec::new();
    collect(Path::new("catalog"), &mut files);
    files.sort();
    let mut code = String::from("pub static FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        let rel = f.strip_prefix("catalog/").unwrap_or(f);
        let abs = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join(f);
        writeln!(
            code,
            "    ({rel:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("embedded_catalog.rs");
    fs::write(out, code).unwrap();
}

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        println!("cargo:rerun-if-changed={}", p.display());
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "yaml") {
            out.push(p.to_string_lossy().replace('\\', "/"));
        }
    }
}
