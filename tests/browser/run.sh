#!/usr/bin/env bash
# Browser test of `dipsearch serve` (issue 16): serves the shipped corpus
# plus invented fixtures on a free port of 127.0.0.1 and drives Debian's
# headless Chromium through a search, a country facet, a paragraph page and
# a precedent's diff (tests/browser/e2e.mjs). Installs what it needs:
# chromium with apt when /usr/bin/chromium is missing, playwright-core with
# npm into a temporary folder (nothing is written into the repository but
# the screenshots in docs/screenshots/, or in $SCREENSHOTS).
# Usage: bash tests/browser/run.sh   (exit status 0 only when every check held)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
shots=${SCREENSHOTS:-$root/docs/screenshots}
work=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -x /usr/bin/chromium ]; then
  echo "browser: installing Debian's chromium" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

echo "browser: installing playwright-core into a temporary folder" >&2
(cd "$work" && npm init -y >/dev/null && npm install --silent --no-audit --no-fund playwright-core@1 >/dev/null)

# The binary's path from cargo itself (.cargo/config.toml names the target,
# which puts it under <target>/<triple>/debug/).
bin=$(cargo build --quiet --locked --message-format=json \
  | sed -n 's/.*"executable":"\([^"]*\/dipsearch\)".*/\1/p' | tail -n 1)
[ -x "$bin" ] || { echo "browser: cargo built no dipsearch binary" >&2; exit 1; }

mkdir -p "$work/site/corpus"
# The shipped sample, the invented documents of the tests (their text,
# Markdown and HTML layouts) and the web page's own fixtures.
cp corpus/*.txt tests/fixtures/web/*.txt tests/fixtures/agreed/* "$work/site/corpus/"
find tests/fixtures/docs -maxdepth 1 -type f \( -name '*.txt' -o -name '*.htm' -o -name '*.html' \
  -o -name '*.md' \) ! -name README.md -exec cp {} "$work/site/corpus/" \;
(cd "$work/site" && "$bin" ingest -q >/dev/null)
(cd "$work/site" && exec "$bin" serve --port 0 >"$work/serve.out" 2>"$work/serve.err") &
server=$!
url=""
for _ in $(seq 1 300); do
  url=$(sed -n 's/^serving \(http:[^ ]*\).*/\1/p' "$work/serve.out" 2>/dev/null | head -1)
  [ -n "$url" ] && break
  if ! kill -0 "$server" 2>/dev/null; then cat "$work/serve.err" >&2; exit 1; fi
  sleep 0.1
done
[ -n "$url" ] || { echo "browser: the server printed no address" >&2; exit 1; }

mkdir -p "$shots"
# The script runs from the temporary folder, where its node_modules are.
cp tests/browser/e2e.mjs "$work/e2e.mjs"
node "$work/e2e.mjs" "$url" "$shots"
