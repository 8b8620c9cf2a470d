//! The real kiosk in a real terminal (tmux): answer the questions and see the results,
//! nothing a resident presses leaves the program, an idle visit is wiped back to the welcome
//! screen, and staff leave with F12 and the PIN with the terminal restored.
//! tmux must be installed (`.ci/run` installs it); without it these tests fail, not skip.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// `printf %s 2468 | sha256sum`
const PIN_2468: &str = "a1fb4e703a9ef1fa4936801721ff285a97ac85330856674412e054892afe6972";

const WELCOME: &str = "看看您家能享受哪些帮扶政策";

/// One tmux server of our own running the kiosk, killed when the test ends however it ends.
struct Kiosk {
    socket: String,
    dir: tempfile::TempDir,
}

impl Kiosk {
    fn start(name: &str, args: &str, config: &str) -> Kiosk {
        let have = Command::new("tmux").arg("-V").output();
        assert!(
            have.is_ok_and(|o| o.status.success()),
            "tmux is required for the kiosk end-to-end tests: apt-get install tmux"
        );
        let socket = format!("pt-kiosk-{name}-{}", std::process::id());
        let dir = tempfile::tempdir().unwrap();
        let k = Kiosk { socket, dir };
        let root = k.dir.path().display().to_string();
        std::fs::create_dir_all(k.dir.path().join("config")).unwrap();
        if !config.is_empty() {
            std::fs::write(k.dir.path().join("config/config.yaml"), config).unwrap();
        }
        k.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "keep",
            "sleep 600",
        ]);
        // The shell stays after the program, so the pane shows how it ended.
        let cmd = format!(
            "env POLICY_TOOLBOX_DATA_DIR={root}/data POLICY_TOOLBOX_CONFIG_DIR={root}/config \
             TERM=xterm-256color {} kiosk {args}; echo EXITED:$?; sleep 600",
            env!("CARGO_BIN_EXE_policy-toolbox")
        );
        k.tmux(&[
            "new-session",
            "-d",
            "-s",
            "app",
            "-x",
            "100",
            "-y",
            "30",
            &cmd,
        ]);
        k
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "app"])
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "app", k]);
            sleep(Duration::from_millis(80));
        }
    }

    fn flag(&self, name: &str) -> String {
        let f = format!("#{{{name}}}");
        self.tmux(&["display-message", "-p", "-t", "app", &f])
            .trim()
            .to_string()
    }

    /// Wait until the screen satisfies `ok`, or fail with the screen in the message.
    fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "waited for {what}; screen:\n{s}"
            );
            sleep(Duration::from_millis(100));
        }
    }

    /// Answer the question on screen with a number key and wait for the next screen.
    fn answer(&self, digit: &str) {
        let before = self.screen();
        self.keys(&[digit]);
        self.wait_for("the next screen", |s| s != before);
    }

    /// The program's own process: the child of the pane's shell.
    fn program_pid(&self) -> String {
        let shell = self.flag("pane_pid");
        let out = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
        let pid = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string();
        assert!(!pid.is_empty(), "the kiosk's process is found");
        pid
    }

    /// Nothing but the config file the test wrote (if any) is in the kiosk's folders.
    fn assert_nothing_written(&self) {
        let mut found = Vec::new();
        let mut dirs = vec![self.dir.path().to_path_buf()];
        while let Some(d) = dirs.pop() {
            for e in std::fs::read_dir(d).unwrap().flatten() {
                if e.path().is_dir() {
                    dirs.push(e.path());
                } else {
                    found.push(e.path());
                }
            }
        }
        let config = self.dir.path().join("config/config.yaml");
        found.retain(|f| *f != config);
        assert!(found.is_empty(), "the kiosk wrote files: {found:?}");
        assert!(
            !self.dir.path().join("data").exists(),
            "the data folder was made"
        );
    }

    fn assert_running(&self) {
        let s = self.screen();
        assert!(!s.contains("EXITED:"), "the kiosk ended:\n{s}");
        assert_eq!(self.flag("alternate_on"), "1", "the kiosk left its screen");
    }
}

impl Drop for Kiosk {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

#[test]
fn answer_the_questions_and_see_the_results() {
    let k = Kiosk::start("answer", "", "");
    k.wait_for("the welcome screen", |s| s.contains(WELCOME));
    k.keys(&["Enter"]);
    k.wait_for("the first question", |s| s.contains("户口在本区吗"));
    // 户口 是, 低保 (the income question is skipped), 老人 有, 孩子 没有, nobody aged 18 to
    // 59, 一级或二级残疾证, 没有病, 没有人上学, nothing sudden.
    for d in ["1", "1", "1", "2", "4", "1", "3", "5", "2"] {
        k.answer(d);
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
    k.assert_running();
    k.assert_nothing_written();
}

#[test]
fn ctrl_c_ctrl_z_ctrl_backslash_q_and_esc_do_not_leave() {
    let k = Kiosk::start("lock", "", "");
    k.wait_for("the welcome screen", |s| s.contains(WELCOME));
    k.keys(&["C-c", "C-z", "C-\\", "q", "Escape", "C-d"]);
    sleep(Duration::from_millis(500));
    k.assert_running();
    k.keys(&["Enter"]);
    k.wait_for("the first question", |s| s.contains("户口在本区吗"));
    k.answer("1");
    k.keys(&["C-c", "C-z", "C-\\", "q"]);
    sleep(Duration::from_millis(500));
    k.assert_running();
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
    k.assert_running();
    k.answer("1");
    k.wait_for("the kiosk still answering", |s| s.contains("第 2 题"));
}

#[test]
fn an_idle_visit_is_wiped_back_to_the_welcome_screen() {
    let k = Kiosk::start("idle", "--idle-timeout 3", "");
    k.wait_for("the welcome screen", |s| s.contains(WELCOME));
    k.keys(&["Enter"]);
    k.wait_for("the first question", |s| s.contains("户口在本区吗"));
    k.answer("1");
    k.wait_for("the countdown", |s| s.contains("秒后清空"));
    k.wait_for("the welcome screen again", |s| {
        s.contains(WELCOME) && !s.contains("第 2 题")
    });
    k.keys(&["Enter"]);
    let s = k.wait_for("a new first question", |s| s.contains("户口在本区吗"));
    assert!(s.contains("第 1 题"), "the answers are gone:\n{s}");
    k.assert_running();
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
    let k = Kiosk::start("staff", "", &config);
    k.wait_for("the welcome screen", |s| s.contains(WELCOME));
    k.keys(&["F12", "1", "1", "1", "1", "Enter"]);
    k.wait_for("the wrong PIN message", |s| s.contains("密码不对"));
    k.assert_running();
    k.keys(&["2", "4", "6", "8", "Enter"]);
    let s = k.wait_for("the kiosk to end", |s| s.contains("EXITED:"));
    assert!(s.contains("EXITED:0"), "{s}");
    assert_eq!(k.flag("alternate_on"), "0", "still on the alternate screen");
    assert_eq!(k.flag("mouse_any_flag"), "0", "mouse capture still on");
}
