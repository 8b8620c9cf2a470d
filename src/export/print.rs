//! Sending the txt list to a printer command, such as `lp` from CUPS.

use std::io::Write;
use std::process::{Command as Process, Stdio};

/// The print command when none is configured.
pub const DEFAULT_PRINT_COMMAND: &str = "lp";

/// Pipe `text` into the print command (split on spaces, e.g. `lp -d receipt`).
pub fn send_to_printer(text: &str, configured: Option<String>) -> Result<(), String> {
    let command = configured
        .or_else(|| std::env::var("POLICY_TOOLBOX_PRINT_COMMAND").ok())
        .unwrap_or_else(|| DEFAULT_PRINT_COMMAND.to_string());
    let mut parts = command.split_whitespace();
    let program = parts
        .next()
        .ok_or_else(|| "the print command is empty".to_string())?;
    let spawned = Process::new(program)
        .args(parts)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = spawned.map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            format!(
                "no print command `{program}` on this machine; install a printing system \
                 (for example CUPS, which provides `lp`) or name one with --print-command"
            )
        } else {
            format!("cannot start the print command `{program}`: {e}")
        }
    })?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(text.as_bytes());
    }
    let out = child
        .wait_with_output()
        .map_err(|e| format!("printing failed: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        let why = String::from_utf8_lossy(&out.stderr);
        Err(format!(
            "the print command `{command}` failed: {}",
            why.trim()
        ))
    }
}
