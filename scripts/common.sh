# The preamble every scripts/*.sh sources first:
#
#   # shellcheck source=common.sh
#   . "$(dirname "$0")/common.sh"
#
# It sets `-euo pipefail`, moves to the repository root and defines:
#   REPO        the repository root (absolute); the working directory from here on
#   CALLER_PWD  the directory the script was started from, for paths the caller
#               gave relative to it (see from_caller)
#   PROG        the script's name without .sh, for messages
#   SHARED      the shared data folder, absolute: $SHARED (relative to the
#               repository root), else $PRECIS_SHARED (relative to the caller's
#               directory, as the tests read it), else <repo>/../shared
#   TARGET      ${CARGO_TARGET_DIR:-target}
# and the functions die, need_dir, from_caller, build_release and median.
# shellcheck shell=bash disable=SC2034
set -euo pipefail

CALLER_PWD=$PWD
PROG=$(basename "$0" .sh)
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

# die MESSAGE...: "PROG: MESSAGE" on stderr, exit 2.
die() {
  echo "$PROG: $*" >&2
  exit 2
}

# need_dir DIR [HINT]: die unless DIR is a folder.
need_dir() {
  [ -d "$1" ] || die "$1 is absent${2:+ ($2)}"
}

# from_caller PATH: PATH made absolute against the caller's directory.
from_caller() {
  case $1 in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s\n' "$CALLER_PWD/$1" ;;
  esac
}

if [ -n "${SHARED:-}" ]; then
  case $SHARED in /*) ;; *) SHARED=$REPO/$SHARED ;; esac
elif [ -n "${PRECIS_SHARED:-}" ]; then
  SHARED=$(from_caller "$PRECIS_SHARED")
else
  SHARED=$REPO/../shared
fi
if [ -d "$SHARED" ]; then
  SHARED=$(cd "$SHARED" && pwd)
fi

TARGET=${CARGO_TARGET_DIR:-target}

# build_release: unless BIN is set (by the caller, or by an earlier call),
# build the release binary and set BIN to it.
build_release() {
  if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet
    BIN=$TARGET/release/precis
  fi
}

# median: the median of the numbers on stdin, one a line.
median() {
  sort -g | awk '{a[NR] = $1} END {print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2)}'
}
