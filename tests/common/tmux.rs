//! A tmux server of a test's own, running the real binary in a fixed-size terminal, for the
//! end-to-end tests of the staff interface and the kiosk. It is killed when the test ends,
//! however it ends. tmux must be installed (`.ci/run` installs it); without it a test fails
//! with a message, it is not skipped.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

pub struct Tmux {
    socket: String,
    /// The program's data and config folders live here.
    pub dir: tempfile::TempDir,
}

impl Tmux {
    /// Start `policy-toolbox ARGS` at 100x30 with `env` set; `config` (when not empty) is
    /// written to its config.yaml first. The shell stays after the program, so the pane's
    /// modes show what the program left behind, and `EXITED:<status>` shows how it ended.
    pub fn start(name: &str, args: &str, env: &str, config: &str) -> Tmux {
        let have = Command::new("tmux").arg("-V").output();
        assert!(
            have.is_ok_and(|o| o.status.success()),
            "tmux is required: apt-get install tmux"
        );
        let socket = format!("pt-{name}-{}", std::process::id());
        let t = Tmux {
            socket,
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::create_dir_all(t.dir.path().join("config")).unwrap();
        if !config.is_empty() {
            std::fs::write(t.dir.path().join("config/config.yaml"), config).unwrap();
        }
        t.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "keep",
            "sleep 600",
        ]);
        let root = t.dir.path().display().to_string();
        let cmd = format!(
            "env POLICY_TOOLBOX_DATA_DIR={root}/data POLICY_TOOLBOX_CONFIG_DIR={root}/config \
             TERM=xterm-256color {env} {} {args}; echo EXITED:$?; sleep 600",
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

    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "app"])
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "app", k]);
            sleep(Duration::from_millis(80));
        }
    }

    /// A tmux format variable of the pane, such as `alternate_on`.
    pub fn flag(&self, name: &str) -> String {
        let f = format!("#{{{name}}}");
        self.tmux(&["display-message", "-p", "-t", "app", &f])
            .trim()
            .to_string()
    }

    /// Wait until the screen satisfies `ok`, or fail with the screen in the message.
    pub fn wait_for(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
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
    pub fn wait_exit(&self) -> String {
        let s = self.wait_for("the program to exit", |s| s.contains("EXITED:"));
        let tail = s.split("EXITED:").nth(1).unwrap_or_default();
        tail.chars().take_while(char::is_ascii_digit).collect()
    }

    /// The program's own process: the child of the pane's shell.
    pub fn program_pid(&self) -> String {
        let shell = self.flag("pane_pid");
        let out = Command::new("pgrep").args(["-P", &shell]).output().unwrap();
        let pid = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .to_string();
        assert!(!pid.is_empty(), "the program's process is found");
        pid
    }

    /// The terminal is back as it was: main screen, no mouse capture, cursor shown.
    pub fn assert_restored(&self) {
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
