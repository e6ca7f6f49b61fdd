//! Listening to (supervising) and inserting into (barging in on) an agent's call.
//!
//! Vendor pages: "Listening" (<https://support.huaweicloud.com/intl/en-us/api-cec/cec_07_2402.html>;
//! the inspector must be idle) and "Inserting" (<https://support.huaweicloud.com/intl/th-th/api-cec/cec_07_2401.html>).
//! Stopping either: `DELETE /qualitycontrol/{agentid}/{workNo}`, from the official Java demo
//! (page not retrieved; log name UNCERTAIN).

use crate::operation::target_operation;

target_operation! {
    /// `PUT /qualitycontrol/{agentid}/addsupervise/{workNo}` (`addSupervise`).
    AddSuperviseRequest, Put "/qualitycontrol/{agent}/addsupervise/{work_no}",
    log "addSupervise", retcodes ["100-006", "900-001", "900-002", "900-003"]
}

target_operation! {
    /// `PUT /qualitycontrol/{agentid}/addinsert/{workNo}` (`addInsert`).
    AddInsertRequest, Put "/qualitycontrol/{agent}/addinsert/{work_no}",
    log "addInsert", retcodes ["100-006", "900-001", "900-002", "900-003"]
}

target_operation! {
    /// `DELETE /qualitycontrol/{agentid}/{workNo}` (`stopSupervise`): ends listening or inserting.
    StopSuperviseRequest, Delete "/qualitycontrol/{agent}/{work_no}",
    log "stopSupervise", retcodes ["100-006", "900-002"]
}

target_operation! {
    /// `POST /qualitycontrol/{agentid}/switch/{workNo}` (`switchSuperviseOrInsert`): listen ⇄ insert.
    SwitchSuperviseOrInsertRequest, Post "/qualitycontrol/{agent}/switch/{work_no}",
    log "switchSuperviseOrInsert", retcodes ["100-006", "900-001", "900-002", "900-003"]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::http::Method;
    use crate::operation::Operation;
    use crate::validation::AgentId;

    #[test]
    fn paths_methods_and_work_no_rules() {
        let id = AgentId::parse("agentId", "1002").unwrap();
        assert_eq!(
            AddSuperviseRequest::new("1001").path(&id),
            "/qualitycontrol/1002/addsupervise/1001"
        );
        assert_eq!(
            AddInsertRequest::new("1001").path(&id),
            "/qualitycontrol/1002/addinsert/1001"
        );
        assert_eq!(
            StopSuperviseRequest::new("1001").path(&id),
            "/qualitycontrol/1002/1001"
        );
        assert_eq!(
            SwitchSuperviseOrInsertRequest::new("1001").path(&id),
            "/qualitycontrol/1002/switch/1001"
        );
        assert_eq!(
            [
                AddSuperviseRequest::METHOD,
                AddInsertRequest::METHOD,
                StopSuperviseRequest::METHOD,
                SwitchSuperviseOrInsertRequest::METHOD
            ],
            [Method::Put, Method::Put, Method::Delete, Method::Post]
        );
        assert!(AddSuperviseRequest::new("1001/../x").validate().is_err());
        let decoded: crate::operation::TargetAgent =
            crate::json::from_str(r#"{"workNo":1001}"#).unwrap();
        assert_eq!(AddInsertRequest(decoded), AddInsertRequest::new("1001"));
        assert!(
            crate::json::from_str::<crate::operation::TargetAgent>(r#"{"workno":"1001"}"#).is_err()
        );
    }
}
