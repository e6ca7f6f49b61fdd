//! Record-play operations (`/agentgateway/resource/recordplay/{agentid}/...`).
//!
//! | Operation | Method | Path | Log name |
//! |---|---|---|---|
//! | [`NetPlayRequest`] | POST | `/recordplay/{agentid}/netplay` | `beginNetPlay` |
//! | [`PlayRequest`] | PUT | `/recordplay/{agentid}/play` | `beginPlay` |
//! | [`StopPlayRequest`] | DELETE | `/recordplay/{agentid}/stopplay` | `stopPlay` |
//! | [`PausePlayRequest`] | POST | `/recordplay/{agentid}/pauseplay` | `pausePlay` |
//! | [`ResumePlayRequest`] | POST | `/recordplay/{agentid}/resumeplay` | `resumePlay` |
//! | [`ForeFastRequest`] | POST | `/recordplay/{agentid}/forefast/{time}` | `foreFastPlay` |
//! | [`BackFastRequest`] | POST | `/recordplay/{agentid}/backfast/{time}` | `backFastPlay` |

mod jump;
mod net_play;
mod pause_play;
mod play;
mod resume_play;
mod stop_play;

pub use jump::{
    BackFastRequest, ForeFastRequest, JumpRequest, BACK_FAST_SECONDS, FORE_FAST_SECONDS,
};
pub use net_play::{
    NetPlayBuilder, NetPlayRequest, PlayTime, FILE_FORMATS, FILE_NAME_MAX_LEN, LOCATION_ID_RANGE,
    LOCATION_ID_UNSPECIFIED,
};
pub use pause_play::PausePlayRequest;
pub use play::{PlayRequest, VOICE_PATH_MAX_LEN};
pub use resume_play::ResumePlayRequest;
pub use stop_play::StopPlayRequest;
