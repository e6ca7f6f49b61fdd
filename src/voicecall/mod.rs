//! Voice-call operations (`/agentgateway/resource/voicecall/{agentid}/...`).
//!
//! | Operation | Method | Path | Log name |
//! |---|---|---|---|
//! | [`ThirdPartyConfTransmitNumRequest`] | POST | `/voicecall/{agentid}/thirdPartyConfTransmitNum` | `thirdPartyConfTransmitNum` |

mod third_party_conf_transmit_num;

pub use third_party_conf_transmit_num::ThirdPartyConfTransmitNumRequest;
