//! The real kiosk in a real terminal (tmux): answer the questions and see the results,
//! nothing a resident presses leaves the program, an idle visit is wiped back to the welcome
//! screen, and staff leave with F12 and the PIN with the terminal restored.
//! tmux must be installed (`.ci/run` installs it); without it these tests fail, not skip.

mod common;

use std::process::Command;
use std::thread::sleep;
use std::time::Duration;

use common::tmux::Tmux;

/// `printf %s 2468 | sha256sum`
const PIN_2468: &str = "a1fb4e703a9ef1fa4936801721ff285a97ac85330856674412e054892afe6972";

const WELCOME: &str = "看看您家能享受哪些帮扶政策";

/// The kiosk in its own tmux server.
fn kiosk(name: &str, args: &str, config: &str) -> Tmux {
    Tmux::start(
        &format!("kiosk-{name}"),
        &format!("kiosk {args}"),
        "",
        config,
    )
}

/// Answer the question on screen with a number key and wait for the next screen.
fn answer(k: &Tmux, digit: &str) {
    let before = k.screen();
    k.keys(&[digit]);
    k.wait_for("the next screen", |s| s != before);
}

/// Nothing but the config file the test wrote (if any) is in the kiosk's folders.
fn assert_nothing_written(k: &Tmux) {
    let mut found = Vec::new();
    let mut dirs = vec![k.dir.path().to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(d).unwrap().flatten() {
            if e.path().is_dir() {
                dirs.push(e.path());
            } else {
                found.push(e.path());
            }
        }
    }
    let config = k.dir.path().join("config/config.yaml");
    found.retain(|f| *f != config);
    assert!(found.is_empty(), "the kiosk wrote files: {found:?}");
    assert!(
        !k.dir.path().join("data").exists(),
        "the data folder was made"
    );
}

fn assert_running(k: &Tmux) {
    let s = k.screen();
    assert!(!s.contains("EXITED:"), "the kiosk ended:\n{s}");
    assert_eq!(k.flag("alternate_on"), "1", "the kiosk left its screen");
}

#[test]
fn answer_the_questions_and_see_the_results() {
    let k = kiosk("answer", "", "");
    k.wait_for("the welcome screen", |s| s.contains(WELCOME));
    k.keys(&["Enter"]);
    k.wait_for("the first question", |s| s.contains("户口在本区吗"));
    // 户口 是, 低保 (the income question is skipped), 老人 有, 孩子 没有, nobody aged 18 to
    // 59, 一级或二级残疾证, 没有病, 没有人上学, nothing sudden.
    for d in ["1", "1", "1", "2", "4", "1", "3", "5", "2"] {
        answer(&k, d);
    }
    let s = k.wait_for("the results", |s| s.contains("您家可能享受的帮扶"));
    assert!(
        s.contains("符合") && s.contains("最低生活保障（低保）"),
        "{s}"
    );
    assert!(s.contains("因为您说：户口在本区、家里是低保"), "{s}");
    k.keys(&["Enter"]);
    k.wait_for("the item's page", |s| s.contains("【是什么】"));
    k.keys(&["0", "8"]);
    k.wait_for("the QR screen", |s| s.contains("用手机扫一扫"));
    k.keys(&["0"]);
    k.wait_for("the results again", |s| s.contains("您家可能享受的帮扶"));
    assert_running(&k);
    assert_nothing_written(&k);
}

#[test]
fn ctrl_c_ctrl_z_ctrl_backslash_q_and_esc_do_not_leave() {
    let k = kiosk("lock", "", "");
    k.wait_for("the welcome screen", |s| s.contains(WELCOME));
    k.keys(&["C-c", "C-z", "C-\\", "q", "Escape", "C-d"]);
    sleep(Duration::from_millis(500));
    assert_running(&k);
    k.keys(&["Enter"]);
    k.wait_for("the first question", |s| s.contains("户口在本区吗"));
    answer(&k, "1");
    k.keys(&["C-c", "C-z", "C-\\", "q"]);
    sleep(Duration::from_millis(500));
    assert_running(&k);
    let s = k.screen();
    assert!(s.contains("第 2 题"), "the keys changed nothing:\n{s}");
    k.keys(&["Escape"]);
    k.wait_for("Esc going back a question", |s| s.contains("第 1 题"));
    // Interrupt, quit and stop signals from outside do nothing either.
    let pid = k.program_pid();
    for sig in ["-INT", "-QUIT", "-TSTP"] {
        let sent = Command::new("kill").args([sig, &pid]).status().unwrap();
        assert!(sent.success(), "kill {sig}");
    }
    sleep(Duration::from_millis(500));
    assert_running(&k);
    answer(&k, "1");
    k.wait_for("the kiosk still answering", |s| s.contains("第 2 题"));
}

#[test]
fn an_idle_visit_is_wiped_back_to_the_welcome_screen() {
    let k = kiosk("idle", "--idle-timeout 3", "");
    k.wait_for("the welcome screen", |s| s.contains(WELCOME));
    k.keys(&["Enter"]);
    k.wait_for("the first question", |s| s.contains("户口在本区吗"));
    answer(&k, "1");
    k.wait_for("the countdown", |s| s.contains("秒后清空"));
    k.wait_for("the welcome screen again", |s| {
        s.contains(WELCOME) && !s.contains("第 2 题")
    });
    k.keys(&["Enter"]);
    let s = k.wait_for("a new first question", |s| s.contains("户口在本区吗"));
    assert!(s.contains("第 1 题"), "the answers are gone:\n{s}");
    assert_running(&k);
}

#[test]
fn without_a_terminal_the_kiosk_says_so() {
    let out = Command::new(env!("CARGO_BIN_EXE_policy-toolbox"))
        .arg("kiosk")
        .env("POLICY_TOOLBOX_CONFIG_DIR", "/nonexistent/config")
        .env("POLICY_TOOLBOX_DATA_DIR", "/nonexistent/data")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the kiosk needs a terminal"), "{err}");
}

#[test]
fn staff_leave_with_f12_and_the_pin_and_the_terminal_is_restored() {
    let config = format!("kiosk_pin_sha256: {PIN_2468}\n");
    let k = kiosk("staff", "", &config);
    k.wait_for("the welcome screen", |s| s.contains(WELCOME));
    k.keys(&["F12", "1", "1", "1", "1", "Enter"]);
    k.wait_for("the wrong PIN message", |s| s.contains("密码不对"));
    assert_running(&k);
    k.keys(&["2", "4", "6", "8", "Enter"]);
    let s = k.wait_for("the kiosk to end", |s| s.contains("EXITED:"));
    assert!(s.contains("EXITED:0"), "{s}");
    k.assert_restored();
}
