#![doc = include_str!("../README.md")]

pub mod cms;
pub mod time;
