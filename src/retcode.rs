//! Documented meanings of CC-Gateway `retcode` values.
//!
//! The vendor has no single public error-code page; the table restates the console's
//! `ResultCode` constants and the codes the operation pages list
//! (`../shared/reference/huawei-cec-api-facts.md` §4). Codes whose meaning is not confirmed
//! say so in their text, so correcting one is a one-line change here.

/// `(retcode, documented meaning)`, sorted by code.
pub const RETCODES: &[(&str, &str)] = &[
    ("000-001", "wrong method for fetching agent events"),
    (
        "000-002",
        "parameters or address passed in the URL are invalid",
    ),
    (
        "000-003",
        "no right to call the interface (also returned for a wrong Guid)",
    ),
    ("100-001", "sign-in parameter empty or invalid"),
    ("100-002", "agent already signed in; use forced sign-in"),
    ("100-003", "CTI error during sign-in"),
    ("100-004", "wrong user name or password"),
    ("100-005", "invalid sign-out parameter"),
    (
        "100-006",
        "agent not signed in (also returned for a Guid mismatch)",
    ),
    ("100-007", "internal error during the agent operation"),
    ("100-008", "agent already signed out"),
    ("100-009", "error setting the agent state"),
    ("100-010", "wrong state at sign-out"),
    ("100-011", "invalid parameter at sign-in"),
    ("100-012", "invalid agent type"),
    ("100-013", "invalid phone when binding"),
    ("100-014", "phone number not in the configured range"),
    (
        "100-015",
        "already signed in and forced sign-in is disabled",
    ),
    ("100-016", "invalid IP at sign-in"),
    (
        "100-018",
        "listed by the netplay page; meaning not published (UNCERTAIN)",
    ),
    ("200-001", "wrong outbound number"),
    (
        "200-002",
        "answer failed: no call is ringing (listed by the answer page)",
    ),
    (
        "200-010",
        "three-party call failed: the call is not held (listed by the confJoin page)",
    ),
    (
        "200-011",
        "three-party call failed: no call to join (listed by the confJoin page)",
    ),
    (
        "200-013",
        "connecting the held call failed: the call is not held (listed by the connectHold page)",
    ),
    (
        "200-014",
        "connecting the held call failed: no call to connect (listed by the connectHold page)",
    ),
    (
        "200-017",
        "release failed: the agent has no call (listed by the release page)",
    ),
    (
        "200-023",
        "disconnect failed: the number is not in the call (listed by the disconnect page)",
    ),
    (
        "200-024",
        "disconnect failed: the number is held outside the current call (listed by the disconnect page)",
    ),
    ("300-001", "agent group query: no right"),
    ("400-001", "call data: no call"),
    ("400-002", "call data: no data"),
    ("400-003", "call data: no held call"),
    ("500-001", "rewind: wrong state"),
    ("500-002", "fast-forward: wrong state"),
    ("500-003", "pause play: wrong state"),
    ("500-004", "pause record: wrong state"),
    ("500-005", "resume play: wrong state"),
    ("500-006", "resume record: wrong state"),
    (
        "500-007",
        "start play: wrong state (agent busy, in a call or already playing)",
    ),
    ("500-008", "start record: wrong state"),
    ("500-009", "stop play: wrong state"),
    ("800-001", "video playback exception"),
    ("900-001", "quality control: NoProvider exception"),
    ("900-002", "quality control: no permission"),
    ("900-003", "quality control: ResourceUnavailable exception"),
    (
        "900-004",
        "quality control: no information for the monitored agent",
    ),
    ("900-005", "quality control: state error"),
    ("999-001", "server configuration: invalid WAS URL"),
    (
        "10001",
        "listed by the thirdPartyConfTransmitNum page; meaning not published (UNCERTAIN)",
    ),
];

/// The documented meaning of `retcode`, if the table has it.
pub fn meaning(retcode: &str) -> Option<&'static str> {
    RETCODES
        .iter()
        .find(|(code, _)| *code == retcode)
        .map(|(_, m)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_the_seed_pages_list_has_a_meaning() {
        for code in [
            "100-006", "100-007", "100-018", "500-007", "900-001", "900-002", "900-003", "10001",
        ] {
            assert!(meaning(code).is_some(), "{code}");
        }
        assert_eq!(meaning("0"), None);
        assert_eq!(meaning("123-456"), None);
    }

    #[test]
    fn table_has_no_duplicate_codes() {
        let mut codes: Vec<&str> = RETCODES.iter().map(|(c, _)| *c).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), RETCODES.len());
    }
}
