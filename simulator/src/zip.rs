//! Minimal ZIP writer: stored (uncompressed) entries, local headers, central directory,
//! end-of-central-directory record, CRC-32.

/// DOS time/date of the entries: 2023-11-14 22:13:20 (Unix 1700000000).
const DOS_TIME: u16 = (22 << 11) | (13 << 5) | (20 / 2);
const DOS_DATE: u16 = ((2023 - 1980) << 9) | (11 << 5) | 14;
const VERSION: u16 = 10; // 1.0: stored entries need nothing newer

/// Packs `(name, bytes)` entries into a ZIP archive without compression.
pub fn stored(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in entries {
        let offset = len32(out.len());
        let crc = crc32fast::hash(data);
        let (size, name_len) = (len32(data.len()), len16(name.len()));

        put32(&mut out, 0x0403_4b50);
        for v in [VERSION, 0, 0, DOS_TIME, DOS_DATE] {
            put16(&mut out, v);
        }
        for v in [crc, size, size] {
            put32(&mut out, v);
        }
        put16(&mut out, name_len);
        put16(&mut out, 0); // extra field length
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);

        put32(&mut central, 0x0201_4b50);
        for v in [VERSION, VERSION, 0, 0, DOS_TIME, DOS_DATE] {
            put16(&mut central, v);
        }
        for v in [crc, size, size] {
            put32(&mut central, v);
        }
        for v in [name_len, 0, 0, 0, 0] {
            put16(&mut central, v); // name, extra, comment lengths; disk; internal attrs
        }
        put32(&mut central, 0); // external attrs
        put32(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (cd_offset, cd_size, count) =
        (len32(out.len()), len32(central.len()), len16(entries.len()));
    out.extend_from_slice(&central);
    put32(&mut out, 0x0605_4b50);
    for v in [0, 0, count, count] {
        put16(&mut out, v);
    }
    put32(&mut out, cd_size);
    put32(&mut out, cd_offset);
    put16(&mut out, 0); // comment length
    out
}

fn len32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn len16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}
