//! CC-CMS open API (`/rest/cmsapp/v1/openapi/...`), signed with C2 AK/SK.
//!
//! | Operation | Method | Path |
//! |---|---|---|
//! | [`DownloadRecordFileRequest`] (`downloadRecordFile`) | POST | `/rest/cmsapp/v1/openapi/hisindex/downloadRecordFile` |

mod download_record_file;
pub mod signing;

pub use download_record_file::{
    check_complete, classify, failure, file_name_from_disposition, DownloadRecordFileRequest,
    RecordingKind, RecordingMeta, OPERATION as DOWNLOAD_RECORD_FILE, SNIFF_LEN, ZIP_TAIL_LEN,
};

use crate::error::ValidationError;
use crate::validation;

/// AK/SK issued by the CMS administrator, validated and ready to sign with. The SK is kept
/// only inside a keyed HMAC state. `Debug` never shows them.
#[derive(Clone)]
pub struct CmsCredentials {
    signer: signing::Signer,
}

/// Longest AK or SK accepted.
pub const MAX_KEY_LEN: usize = 256;

impl CmsCredentials {
    /// Validates both keys: 1..=256 visible ASCII characters. Values never appear in errors.
    pub fn new(
        access_key: impl Into<String>,
        secret_key: impl Into<String>,
    ) -> Result<Self, ValidationError> {
        let (access_key, secret_key) = (access_key.into(), secret_key.into());
        validation::secret_header_value("accessKey", &access_key, MAX_KEY_LEN)?;
        validation::secret_header_value("secretKey", &secret_key, MAX_KEY_LEN)?;
        Ok(Self {
            signer: signing::Signer::new(&access_key, &secret_key),
        })
    }
    /// The signer for these keys.
    pub fn signer(&self) -> &signing::Signer {
        &self.signer
    }
}

impl std::fmt::Debug for CmsCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CmsCredentials { <redacted> }")
    }
}
