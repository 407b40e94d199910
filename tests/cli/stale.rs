//! Issue 17: `search` and `show` say in one line when the corpus changed
//! after the last ingest.

use crate::util::TestDir;

const NOTE: &str = "CHAIRMAN'S STATEMENT\nASEAN REGIONAL FORUM\nBangkok, 25 July 1994\n\n\
1. The Ministers discussed export control cooperation and the Chemical Weapons Convention.\n";

fn stderr(a: assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).into_owned()
}

#[test]
fn search_and_show_notice_a_corpus_changed_since_the_last_ingest() {
    let t = TestDir::with_sample();
    t.write("arf/arf-1994.txt", NOTE);
    t.run(["ingest", "-q"]).success();
    assert_eq!(stderr(t.run(["search", "export control"]).success()), "");
    t.remove("arf/arf-1994.txt");
    let expected = "dipsearch: the index is older than the corpus (1 file removed since the last ingest); run dipsearch ingest\n";
    assert_eq!(
        stderr(t.run(["search", "export control"]).success()),
        expected
    );
    assert_eq!(
        stderr(t.run(["show", "astop-2003-tokyo.txt#4(d)"]).success()),
        expected
    );
    t.write("arf/arf-1995.txt", NOTE.replace("1994", "1995"));
    t.write("arf/arf-1996.txt", NOTE.replace("1994", "1996"));
    assert_eq!(
        stderr(t.run(["search", "export control"]).success()),
        "dipsearch: the index is older than the corpus (2 files added, 1 removed since the last ingest); run dipsearch ingest\n"
    );
    t.run(["ingest", "-q"]).success();
    assert_eq!(stderr(t.run(["search", "export control"]).success()), "");
    // A file in a folder made after the ingest inside a corpus folder: the commit
    // recorded the corpus's folders, and the new one changed its parent's.
    t.write("arf/2025/arf-2025.txt", NOTE.replace("1994", "2025"));
    assert_eq!(
        stderr(t.run(["search", "export control"]).success()),
        "dipsearch: the index is older than the corpus (1 file added since the last ingest); run dipsearch ingest\n"
    );
    // A folder gone with its subfolder: their files are removed; a folder
    // only touched (a file made and removed again) says nothing.
    t.run(["ingest", "-q"]).success();
    std::fs::remove_dir_all(t.corpus().join("arf")).expect("remove arf");
    t.write("scratch.tmp.txt", "x");
    t.remove("scratch.tmp.txt");
    assert_eq!(
        stderr(t.run(["search", "export control"]).success()),
        "dipsearch: the index is older than the corpus (3 files removed since the last ingest); run dipsearch ingest\n"
    );
    t.run(["ingest", "-q"]).success();
    t.write("scratch.tmp.txt", "x");
    t.remove("scratch.tmp.txt");
    assert_eq!(stderr(t.run(["search", "export control"]).success()), "");
}
