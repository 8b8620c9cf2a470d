//! The real binary in a real terminal (tmux): search, open an item, add it to the list, quit,
//! and the terminal is restored afterwards, also after SIGTERM and after a panic.
//! tmux must be installed (`.ci/run` installs it); without it these tests fail, not skip.

mod common;

use std::process::Command;

use common::tmux::Tmux;

#[test]
fn search_open_add_and_quit() {
    let t = Tmux::start("staff-main", "", "", "");
    t.wait_for("the browse screen", |s| {
        s.contains("帮扶政策工具箱") && s.contains("最低生活保障")
    });
    assert_eq!(t.flag("alternate_on"), "1");
    t.keys(&["/", "y", "l", "j", "z", "Enter"]);
    let s = t.wait_for("search results", |s| s.contains("/ yljz"));
    assert!(s.contains("医疗救助"), "{s}");
    t.keys(&["Right", "Right"]);
    t.wait_for("the item's page", |s| s.contains("【是什么】"));
    t.keys(&["Space"]);
    t.wait_for("the list count", |s| s.contains("清单 1"));
    t.keys(&["b"]);
    t.wait_for("the list panel", |s| {
        s.contains("清单 1") && s.contains("12393")
    });
    t.keys(&["Escape", "q"]);
    assert_eq!(t.wait_exit(), "0");
    t.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let t = Tmux::start("staff-term", "", "", "");
    t.wait_for("the browse screen", |s| s.contains("帮扶政策工具箱"));
    let pid = t.program_pid();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    assert_eq!(t.wait_exit(), "0", "SIGTERM ends the program cleanly");
    t.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal() {
    let t = Tmux::start("staff-panic", "", "POLICY_TOOLBOX_TEST_PANIC=1", "");
    let status = t.wait_exit();
    assert_ne!(status, "0");
    t.assert_restored();
    let s = t.screen();
    assert!(
        s.contains("panic requested"),
        "the panic message prints after restoring:\n{s}"
    );
}
