//! Seeded recordings: small G.711 A-law WAV files (8 kHz, mono, format tag 6).

use std::collections::HashMap;

use crate::state::Download;
use crate::zip;

/// Call ID with one recording (served as a WAV file).
pub const ONE_RECORDING_CALL: &str = "1700000000-1";
/// Call ID with two recordings (served as a ZIP).
pub const TWO_RECORDINGS_CALL: &str = "1700000000-2";

const SAMPLE_RATE: u32 = 8000;

/// The recordings every fresh state starts with.
pub fn seed_recordings() -> HashMap<String, Download> {
    let mut map = HashMap::new();
    map.insert(
        ONE_RECORDING_CALL.to_string(),
        Download {
            file_name: format!("{ONE_RECORDING_CALL}.wav"),
            content_type: "audio/wav",
            bytes: tone_wav(440.0),
        },
    );
    let first = tone_wav(440.0);
    let second = tone_wav(660.0);
    let entries = [
        (format!("{TWO_RECORDINGS_CALL}_1.wav"), first.as_slice()),
        (format!("{TWO_RECORDINGS_CALL}_2.wav"), second.as_slice()),
    ];
    let refs: Vec<(&str, &[u8])> = entries.iter().map(|(n, b)| (n.as_str(), *b)).collect();
    map.insert(
        TWO_RECORDINGS_CALL.to_string(),
        Download {
            file_name: format!("{TWO_RECORDINGS_CALL}.zip"),
            content_type: "application/zip",
            bytes: zip::stored(&refs),
        },
    );
    map
}

/// Half a second of a sine tone as an A-law WAV file.
pub fn tone_wav(freq_hz: f64) -> Vec<u8> {
    let n = SAMPLE_RATE / 2;
    let fade = 200.0;
    let samples: Vec<u8> = (0..n)
        .map(|i| {
            let t = f64::from(i) / f64::from(SAMPLE_RATE);
            let edge = f64::from(i.min(n - 1 - i)).min(fade) / fade;
            let v = (t * freq_hz * std::f64::consts::TAU).sin() * 8000.0 * edge;
            linear_to_alaw(v as i16)
        })
        .collect();
    wav_alaw(&samples)
}

/// Wraps A-law samples in a RIFF/WAVE container (fmt with cbSize, fact, data).
pub fn wav_alaw(samples: &[u8]) -> Vec<u8> {
    let len = u32::try_from(samples.len()).unwrap_or(u32::MAX);
    let pad = len % 2;
    let mut out = Vec::with_capacity(samples.len() + 64);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&(4 + (8 + 18) + (8 + 4) + 8 + len + pad).to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&18u32.to_le_bytes());
    out.extend_from_slice(&6u16.to_le_bytes()); // WAVE_FORMAT_ALAW
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&SAMPLE_RATE.to_le_bytes());
    out.extend_from_slice(&SAMPLE_RATE.to_le_bytes()); // bytes per second
    out.extend_from_slice(&1u16.to_le_bytes()); // block align
    out.extend_from_slice(&8u16.to_le_bytes()); // bits per sample
    out.extend_from_slice(&0u16.to_le_bytes()); // cbSize
    out.extend_from_slice(b"fact");
    out.extend_from_slice(&4u32.to_le_bytes());
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(b"data");
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(samples);
    if pad == 1 {
        out.push(0);
    }
    out
}

/// G.711 A-law encoding of one 16-bit linear sample.
pub fn linear_to_alaw(sample: i16) -> u8 {
    let mut v = i32::from(sample) >> 3; // 13-bit magnitude range
    let mask: u8 = if v >= 0 {
        0xD5
    } else {
        v = -v - 1;
        0x55
    };
    // Segment s covers magnitudes below 0x20 << s.
    let seg = (0u8..8).find(|&s| v < (0x20 << s)).unwrap_or(8);
    if seg >= 8 {
        return 0x7F ^ mask;
    }
    let shift = if seg < 2 { 1 } else { u32::from(seg) };
    let quant = ((v >> shift) & 0x0F) as u8;
    ((seg << 4) | quant) ^ mask
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alaw_known_values() {
        assert_eq!(linear_to_alaw(0), 0xD5);
        assert_eq!(linear_to_alaw(-1), 0x55);
        assert_eq!(linear_to_alaw(i16::MAX), 0xAA);
        assert_eq!(linear_to_alaw(i16::MIN), 0x2A);
    }

    #[test]
    fn wav_header_is_consistent() {
        let wav = tone_wav(440.0);
        assert_eq!(&wav[0..4], b"RIFF");
        let riff = u32::from_le_bytes([wav[4], wav[5], wav[6], wav[7]]) as usize;
        assert_eq!(riff + 8, wav.len());
        assert_eq!(u16::from_le_bytes([wav[20], wav[21]]), 6);
        assert_eq!(wav.len(), 58 + 4000);
    }
}
