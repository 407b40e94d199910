# Sourced by the bench scripts: where cargo puts the dipsearch binary.
# .cargo/config.toml names the build target, so a build goes to
# <target>/<triple>/<profile>/dipsearch; with no target named (or another
# one given by CARGO_BUILD_TARGET) it is <target>/<profile>/dipsearch or
# that triple's folder.

# dipsearch_bin PROFILE TARGET_DIR: prints the path of the built binary
# (the first one that exists), or the named target's path when none does.
dipsearch_bin() {
    local profile=$1 target=$2 triple found
    triple=${CARGO_BUILD_TARGET:-$(sed -n 's/^target = "\(.*\)"/\1/p' \
        "$(dirname "${BASH_SOURCE[0]}")/../../.cargo/config.toml" 2>/dev/null)}
    for found in ${triple:+"$target/$triple/$profile/dipsearch"} "$target/$profile/dipsearch"; do
        [[ -x $found ]] && { printf '%s\n' "$found"; return; }
    done
    printf '%s\n' "$target/${triple:+$triple/}$profile/dipsearch"
}
