//! The real binary in a real terminal (tmux): search, open an item, add it to the list, quit,
//! and the terminal is restored afterwards, also after SIGTERM and after a panic.
//! tmux must be installed (`.ci/run` installs it); without it these tests fail, not skip.

mod common;

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// One tmux server of our own, killed when the test ends however it ends.
struct Tmux {
    socket: String,
    dir: tempfile::TempDir,
}

impl Tmux {
    fn start(name: &str, extra_env: &str) -> Tmux {
        let have = Command::new("tmux").arg("-V").output();
        assert!(
            have.is_ok_and(|o| o.status.success()),
            "tmux is required: apt-get install tmux"
        );
        let socket = format!("pt-{name}-{}", std::process::id());
        let dir = tempfile::tempdir().unwrap();
        let t = Tmux { socket, dir };
        t.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "keep",
            "sleep 600",
        ]);
        let data = t.dir.path().display().to_string();
        // The shell stays after the program, so the pane's modes show what the program left.
        let cmd = format!(
            "env POLICY_TOOLBOX_DATA_DIR={data}/data POLICY_TOOLBOX_CONFIG_DIR={data}/config \
             TERM=xterm-256color {extra_env} {}; echo EXITED:$?; sleep 600",
            env!("CARGO_BIN_EXE_policy-toolbox")
        );
        t.tmux(&[
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
        t
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
            sleep(Duration::from_millis(60));
        }
    }

    fn flag(&self, name: &str) -> String {
        self.tmux(&[
            "display-message",
            "-p",
            "-t",
            "app",
            &format!("#{{{name}}}"),
        ])
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

    /// Wait for the program to end and return its exit status.
    fn wait_exit(&self) -> String {
        let s = self.wait_for("the program to exit", |s| s.contains("EXITED:"));
        let tail = s.split("EXITED:").nth(1).unwrap_or_default();
        tail.chars().take_while(char::is_ascii_digit).collect()
    }

    /// The program's own process: the child of the pane's shell.
    fn program_pid(&self) -> String {
        let shell = self.flag("pane_pid");
        let out = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string()
    }

    fn assert_restored(&self) {
        assert_eq!(
            self.flag("alternate_on"),
            "0",
            "still on the alternate screen"
        );
        assert_eq!(self.flag("mouse_any_flag"), "0", "mouse capture still on");
        assert_eq!(self.flag("cursor_flag"), "1", "cursor still hidden");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

#[test]
fn search_open_add_and_quit() {
    let t = Tmux::start("main", "");
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
    let t = Tmux::start("term", "");
    t.wait_for("the browse screen", |s| s.contains("帮扶政策工具箱"));
    let pid = t.program_pid();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    assert_eq!(t.wait_exit(), "0", "SIGTERM ends the program cleanly");
    t.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal() {
    let t = Tmux::start("panic", "POLICY_TOOLBOX_TEST_PANIC=1");
    let status = t.wait_exit();
    assert_ne!(status, "0");
    t.assert_restored();
    let s = t.screen();
    assert!(
        s.contains("panic requested"),
        "the panic message prints after restoring:\n{s}"
    );
}
