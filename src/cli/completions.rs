//! `groundtrack completions SHELL | --man | --out-dir DIR`: shell completions and man pages generated from the
//! clap definitions (`clap_complete`, `clap_mangen`).

use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory};
use clap_complete::{Generator, Shell};

use super::args::Cli;
use super::{Outcome, print};

/// Arguments of `groundtrack completions`.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  groundtrack completions bash > ~/.local/share/bash-completion/completions/\
    groundtrack\n  groundtrack completions zsh > ~/.zfunc/_groundtrack\n  groundtrack completions fish > \
    ~/.config/fish/completions/groundtrack.fish\n  groundtrack completions --man > groundtrack.1 && man \
    ./groundtrack.1\n  groundtrack completions --out-dir target/assets   # every shell, and a man page per \
    subcommand"
)]
pub struct CompletionsArgs {
    /// The shell to print a completion script for.
    #[arg(value_enum, required_unless_present_any = ["man", "out_dir"])]
    pub shell: Option<Shell>,
    /// Print the man page groundtrack(1) (roff) instead.
    #[arg(long, conflicts_with = "shell")]
    pub man: bool,
    /// Write the completion scripts of every shell and the man pages of groundtrack and of each subcommand
    /// (groundtrack-inverse.1, ...) into this directory.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["shell", "man"])]
    pub out_dir: Option<PathBuf>,
}

/// Prints or writes the completions and man pages.
pub fn run(args: &CompletionsArgs) -> groundtrack::Result<Outcome> {
    if let Some(dir) = &args.out_dir {
        write_all(dir)?;
    } else if args.man {
        print::out(&String::from_utf8_lossy(&man_page(Cli::command())?))?;
    } else if let Some(shell) = args.shell {
        print::out(&String::from_utf8_lossy(&completion(shell)))?;
    }
    Ok(Outcome::Success)
}

fn completion(shell: Shell) -> Vec<u8> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut cmd, "groundtrack", &mut buf);
    buf
}

fn man_page(cmd: clap::Command) -> groundtrack::Result<Vec<u8>> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd)
        .render(&mut buf)
        .map_err(|source| groundtrack::Error::Io { path: "<man page>".into(), source })?;
    Ok(buf)
}

fn write_all(dir: &Path) -> groundtrack::Result<()> {
    std::fs::create_dir_all(dir)
        .map_err(|source| groundtrack::Error::Io { path: dir.to_path_buf(), source })?;
    for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Elvish, Shell::PowerShell] {
        groundtrack::output::write_atomic(&dir.join(shell.file_name("groundtrack")), &completion(shell))?;
    }
    let cmd = Cli::command();
    groundtrack::output::write_atomic(&dir.join("groundtrack.1"), &man_page(cmd.clone())?)?;
    for sub in cmd.get_subcommands() {
        let name = format!("groundtrack-{}", sub.get_name());
        let page = man_page(sub.clone().name(name.clone()))?;
        groundtrack::output::write_atomic(&dir.join(format!("{name}.1")), &page)?;
    }
    Ok(())
}
