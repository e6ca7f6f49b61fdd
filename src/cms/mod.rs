//! CC-CMS open API (`/rest/cmsapp/v1/openapi/...`), signed with C2 AK/SK.
//!
//! | Operation | Method | Path |
//! |---|---|---|
//! | [`download_record_file`] | POST | `/rest/cmsapp/v1/openapi/hisindex/downloadRecordFile` |

pub mod signing;
