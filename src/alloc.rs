//! The process's allocator, chosen by its subcommand before the first
//! allocation: mimalloc for the commands that work through the whole corpus
//! or index (`ingest`, `export`, `reuse`) or keep running (`serve`), the
//! system's for the short ones (`search`, `show`, `cite`, …).
//!
//! Why: those long commands allocate many small strings, on several threads
//! for the ingest, which mimalloc does faster (figures in
//! benches/PROFILE.md: a one-core ingest used 7–17 % more user time with
//! the system allocator, `reuse` 45–65 %). A search is one short process,
//! where mimalloc's free lists, built a page at a time for every size class
//! touched, cost about 100 page faults more than the system's heap: 0.3 ms
//! of a 3.5 ms `search` (issue 18 asks a selective search to be no slower
//! than the `sqlite3` CLI's).
//!
//! The choice is made once, from the command line, at the first allocation
//! and never changes, so every block is freed by the allocator that gave
//! it. The command line is read from what the C runtime passes to the
//! program's constructors (glibc does; elsewhere there is none, and
//! mimalloc is used for every command, as before). This module is the one
//! place in the program with `unsafe` code: a global allocator cannot be
//! written without it.

#![allow(unsafe_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicU8, Ordering};

use mimalloc::MiMalloc;

/// The global allocator: mimalloc or the system's, by subcommand.
pub struct ByCommand;

const UNDECIDED: u8 = 0;
const SYSTEM: u8 = 1;
const MIMALLOC: u8 = 2;

static CHOICE: AtomicU8 = AtomicU8::new(UNDECIDED);

/// The subcommands given mimalloc.
const MIMALLOC_COMMANDS: &[&[u8]] = &[b"ingest", b"export", b"reuse", b"serve"];

/// Whether this process allocates with mimalloc.
#[inline]
fn mimalloc_chosen() -> bool {
    match CHOICE.load(Ordering::Relaxed) {
        MIMALLOC => true,
        SYSTEM => false,
        _ => decide(),
    }
}

/// The first allocation's choice; a concurrent first allocation (there is
/// none before `main`) takes whichever choice was stored first.
#[cold]
fn decide() -> bool {
    let want = if args::KNOWN {
        args::subcommand().is_some_and(|cmd| MIMALLOC_COMMANDS.contains(&cmd))
    } else {
        true
    };
    let value = if want { MIMALLOC } else { SYSTEM };
    match CHOICE.compare_exchange(UNDECIDED, value, Ordering::Relaxed, Ordering::Relaxed) {
        Ok(_) => want,
        Err(stored) => stored == MIMALLOC,
    }
}

// SAFETY: each call goes to one of two sound allocators, always the same
// one for the whole process (see `decide`), so a block is freed or
// reallocated by the allocator that gave it.
unsafe impl GlobalAlloc for ByCommand {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if mimalloc_chosen() {
            MiMalloc.alloc(layout)
        } else {
            System.alloc(layout)
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        if mimalloc_chosen() {
            MiMalloc.alloc_zeroed(layout)
        } else {
            System.alloc_zeroed(layout)
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if mimalloc_chosen() {
            MiMalloc.dealloc(ptr, layout)
        } else {
            System.dealloc(ptr, layout)
        }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if mimalloc_chosen() {
            MiMalloc.realloc(ptr, layout, new_size)
        } else {
            System.realloc(ptr, layout, new_size)
        }
    }
}

/// The first argument that is neither an option nor the value of a global
/// option taking one (`--index DIR`, `--corpus DIR`): the subcommand, as
/// clap finds it (`None` for `--version`, `--help` or no arguments).
fn first_command<'a>(mut args: impl Iterator<Item = &'a [u8]>) -> Option<&'a [u8]> {
    while let Some(arg) = args.next() {
        match arg {
            b"--index" | b"--corpus" => {
                args.next();
            }
            b"--" => return None,
            _ if arg.starts_with(b"-") => {}
            _ => return Some(arg),
        }
    }
    None
}

/// The subcommand named on the command line, read without allocating.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
mod args {
    use std::ffi::{c_char, c_int, CStr};
    use std::sync::atomic::{AtomicIsize, AtomicPtr, Ordering};

    /// Whether the command line can be known here.
    pub const KNOWN: bool = true;

    static ARGC: AtomicIsize = AtomicIsize::new(0);
    static ARGV: AtomicPtr<*const c_char> = AtomicPtr::new(std::ptr::null_mut());

    /// glibc calls the functions of `.init_array` with the program's
    /// `argc`, `argv` and `envp` (the Rust runtime reads its own copy of
    /// the arguments the same way).
    #[used]
    #[link_section = ".init_array.00098"]
    static CAPTURE: extern "C" fn(c_int, *const *const c_char, *const *const c_char) = capture;

    extern "C" fn capture(argc: c_int, argv: *const *const c_char, _envp: *const *const c_char) {
        ARGC.store(argc as isize, Ordering::Relaxed);
        ARGV.store(argv as *mut _, Ordering::Relaxed);
    }

    /// The subcommand named by the process's arguments (see
    /// [`super::first_command`]).
    pub fn subcommand() -> Option<&'static [u8]> {
        let argc = usize::try_from(ARGC.load(Ordering::Relaxed)).ok()?;
        let argv = ARGV.load(Ordering::Relaxed);
        if argv.is_null() {
            return None;
        }
        super::first_command((1..argc).map(|i| {
            // SAFETY: the C runtime's argv holds `argc` valid C strings,
            // which live as long as the process.
            unsafe { CStr::from_ptr(*argv.add(i)) }.to_bytes()
        }))
    }
}

/// Elsewhere the command line is not known before the first allocation.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
mod args {
    pub const KNOWN: bool = false;

    pub fn subcommand() -> Option<&'static [u8]> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::{first_command, MIMALLOC_COMMANDS};

    fn command(args: &[&'static str]) -> Option<&'static str> {
        first_command(args.iter().map(|a| a.as_bytes()))
            .map(|c| std::str::from_utf8(c).expect("ASCII"))
    }

    #[test]
    fn the_subcommand_is_found_past_the_global_options() {
        assert_eq!(command(&["ingest", "corpus"]), Some("ingest"));
        assert_eq!(
            command(&["--index", "ingest", "search", "x"]),
            Some("search")
        );
        assert_eq!(
            command(&["--corpus", "c", "--index", "i", "export"]),
            Some("export")
        );
        assert_eq!(command(&["--index=ingest", "search"]), Some("search"));
        assert_eq!(command(&["--version"]), None);
        assert_eq!(command(&["--", "ingest"]), None);
        assert_eq!(command(&[]), None);
        // A value left out at the end: nothing to find.
        assert_eq!(command(&["--index"]), None);
    }

    #[test]
    fn only_the_long_commands_take_mimalloc() {
        let long = |c: &str| MIMALLOC_COMMANDS.contains(&c.as_bytes());
        assert!(["ingest", "export", "reuse", "serve"].into_iter().all(long));
        assert!(!["search", "show", "cite", "facets", "precedent"]
            .into_iter()
            .any(long));
    }
}
