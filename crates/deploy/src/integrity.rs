//! Files named and checked by their content: the name a build gives a file
//! Trunk left unhashed, and the Subresource Integrity a page asks it with.

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};

/// Sixteen hexadecimal digits of the SHA-256 of `parts` together, as
/// Trunk names its files (`stem-<hex>.ext`, [`crate::Deployment::is_hashed`]).
pub fn name_hash(parts: &[&[u8]]) -> String {
    let mut hasher = Sha256::new();
    for part in parts {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    let digest = hasher.finalize();
    hex::encode(&digest[..8])
}

/// The `integrity` value of a file with these bytes, as Trunk writes its
/// own: `sha384-<base64>`.
pub fn sri(bytes: &[u8]) -> String {
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_hash_is_a_hashed_name_and_follows_every_byte() {
        let hash = name_hash(&[b"script", b"wasm"]);
        assert_eq!(hash.len(), 16);
        assert!(crate::Deployment::is_hashed(&format!("reading-{hash}.js")));
        assert!(crate::Deployment::is_hashed(&format!(
            "reading-{hash}_bg.wasm"
        )));
        assert_ne!(hash, name_hash(&[b"script", b"wasn"]));
        // The parts' bounds count: moving a byte from one to the other is
        // another pair of files.
        assert_ne!(hash, name_hash(&[b"scrip", b"twasm"]));
    }

    #[test]
    fn the_integrity_is_the_sha384_browsers_check() {
        // `printf abc | openssl dgst -sha384 -binary | base64`
        assert_eq!(
            sri(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }
}
