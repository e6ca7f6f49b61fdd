//! Record-play operations (`/agentgateway/resource/recordplay/{agentid}/...`).
//!
//! | Operation | Method | Path | Log name |
//! |---|---|---|---|
//! | [`NetPlayRequest`] | POST | `/recordplay/{agentid}/netplay` | `beginNetPlay` |

mod net_play;

pub use net_play::{
    NetPlayBuilder, NetPlayRequest, PlayTime, FILE_FORMATS, FILE_NAME_MAX_LEN, LOCATION_ID_RANGE,
    LOCATION_ID_UNSPECIFIED,
};
