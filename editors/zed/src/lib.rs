//! Zed starts `healing-notes lsp` (found on the worktree's PATH: `npm install -g healing-notes`) and
//! answers its `workspace/configuration` requests with `lsp.healing-notes.settings` from Zed's settings.
use zed_extension_api::{self as zed, serde_json, settings::LspSettings};

struct HealingNotes;

impl zed::Extension for HealingNotes {
    fn new() -> Self {
        HealingNotes
    }

    fn language_server_command(&mut self, _id: &zed::LanguageServerId, worktree: &zed::Worktree) -> zed::Result<zed::Command> {
        let command = worktree
            .which("healing-notes")
            .ok_or_else(|| "healing-notes is not on PATH (npm install -g healing-notes)".to_string())?;
        Ok(zed::Command { command, args: vec!["lsp".into()], env: worktree.shell_env() })
    }

    fn language_server_workspace_configuration(&mut self, _id: &zed::LanguageServerId, worktree: &zed::Worktree) -> zed::Result<Option<serde_json::Value>> {
        let settings = LspSettings::for_worktree("healing-notes", worktree).ok().and_then(|s| s.settings).unwrap_or_default();
        Ok(Some(serde_json::json!({ "healingNotes": settings })))
    }
}

zed::register_extension!(HealingNotes);
