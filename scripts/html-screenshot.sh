#!/usr/bin/env bash
# Screenshots of the bundled g20 briefing as an HTML page, for the README and docs/guide.md:
# docs/briefing.png (a desktop window, 1000x1400, top of the page) and
# docs/briefing-phone.png (a phone's width, 390x844). Installs Debian's chromium with
# apt when it is missing.
#
#   scripts/html-screenshot.sh                      # builds precis (release)
#   PRECIS=target/debug/precis scripts/html-screenshot.sh
# PRECIS (or BIN) is relative to the repository root.
# shellcheck source-path=SCRIPTDIR source=common.sh
. "$(dirname "$0")/common.sh"
if ! command -v chromium >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
BIN=${PRECIS:-${BIN:-}}
build_release
PRECIS=$BIN
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
PAGE="$SCRATCH/g20.html"
"$PRECIS" brief corpora/g20 --format html -o "$PAGE"
mkdir -p docs
shot() { # OUTPUT WIDTH,HEIGHT URL
  timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$SCRATCH/profile" --screenshot="$1" --window-size="$2" "$3" \
    >/dev/null 2>"$SCRATCH/chromium.log" || { cat "$SCRATCH/chromium.log" >&2; exit 1; }
  echo "wrote $1"
}
shot docs/briefing.png 1000,1400 "file://$PAGE"
# (Headless screenshots of a URL with a #fragment come out blank in Chromium
# 156, so the phone shot is the top of the page too.)
shot docs/briefing-phone.png 390,844 "file://$PAGE"
