//! The staff PIN: checked against the SHA-256 hash in the settings, never stored itself.
//!
//! `config.yaml` holds `kiosk_pin_sha256`, the hex digest of the PIN (`printf %s 1234 |
//! sha256sum`). Without a valid hash the kiosk cannot be left from the keyboard at all; staff
//! then stop it from outside (closing the terminal window or SIGTERM end it cleanly). After
//! [`MAX_TRIES`] wrong PINs, entry is refused for [`LOCKOUT`].

use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

/// Wrong PINs allowed before entry is refused for a while.
pub const MAX_TRIES: u32 = 5;

/// How long entry is refused after too many wrong PINs.
pub const LOCKOUT: Duration = Duration::from_secs(60);

/// The longest PIN accepted; keys beyond it are ignored.
pub const MAX_LEN: usize = 12;

/// The hash of the staff PIN, when the settings hold a valid one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinHash([u8; 32]);

impl PinHash {
    /// Read a hex SHA-256 digest (64 hex digits, any case, surrounding spaces ignored).
    pub fn parse(hex: &str) -> Option<PinHash> {
        let hex = hex.trim();
        if hex.len() != 64 || !hex.is_ascii() {
            return None;
        }
        let mut out = [0u8; 32];
        for (i, b) in out.iter_mut().enumerate() {
            *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(PinHash(out))
    }

    /// Whether `pin` hashes to this hash; every byte is compared, so the time taken does not
    /// tell how much of it matched.
    pub fn matches(&self, pin: &str) -> bool {
        let digest = Sha256::digest(pin.as_bytes());
        let diff = digest
            .iter()
            .zip(self.0.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b));
        diff == 0
    }
}

/// Why the last try did not let staff out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    Wrong,
    Locked,
}

/// The PIN prompt while it is open.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entry {
    pub digits: String,
    pub refused: Option<Refused>,
}

/// Wrong tries, kept across visits so a wipe does not reset them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Guard {
    pub tries: u32,
    pub locked_until: Option<Instant>,
}

impl Guard {
    pub fn locked(&self, now: Instant) -> bool {
        self.locked_until.is_some_and(|t| now < t)
    }

    /// Check a PIN; `true` lets staff out.
    pub fn check(&mut self, hash: Option<&PinHash>, pin: &str, now: Instant) -> bool {
        if self.locked(now) {
            return false;
        }
        if hash.is_some_and(|h| h.matches(pin)) {
            self.tries = 0;
            return true;
        }
        self.tries += 1;
        if self.tries >= MAX_TRIES {
            self.tries = 0;
            self.locked_until = Some(now + LOCKOUT);
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `printf %s 1234 | sha256sum`
    const HASH_1234: &str = "03ac674216f3e15c761ee1a5e255f067953623c8b388b4459e13f978d7c846f4";

    #[test]
    fn the_right_pin_matches_and_others_do_not() {
        let h = PinHash::parse(HASH_1234).unwrap();
        assert!(h.matches("1234"));
        assert!(!h.matches("1235"));
        assert!(!h.matches(""));
        let upper = PinHash::parse(&format!(" {} ", HASH_1234.to_uppercase())).unwrap();
        assert_eq!(upper, h);
    }

    #[test]
    fn malformed_hashes_are_refused() {
        for bad in [
            "",
            "1234",
            &HASH_1234[..63],
            &format!("{}zz", &HASH_1234[..62]),
        ] {
            assert!(PinHash::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn too_many_wrong_tries_lock_the_prompt_for_a_while() {
        let h = PinHash::parse(HASH_1234).unwrap();
        let mut g = Guard::default();
        let t0 = Instant::now();
        for _ in 0..MAX_TRIES {
            assert!(!g.check(Some(&h), "0000", t0));
        }
        assert!(g.locked(t0));
        assert!(
            !g.check(Some(&h), "1234", t0),
            "locked even for the right PIN"
        );
        assert!(g.check(Some(&h), "1234", t0 + LOCKOUT));
    }

    #[test]
    fn without_a_hash_nothing_lets_staff_out() {
        let mut g = Guard::default();
        assert!(!g.check(None, "", Instant::now()));
        assert!(!g.check(None, "1234", Instant::now()));
    }
}
