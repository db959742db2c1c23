# Shared by scripts/run and scripts/test: install what is missing, configure and build.
# shellcheck shell=bash
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="${JOBS:-2}"

PACKAGES=(
    cmake g++ ninja-build ccache pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite libqt6sql6-psql qt6-scxml-dev
    libssl-dev libgl-dev qtkeychain-qt6-dev
    oathtool liboath-dev python3-pskc
    clang-format clang-15 libfuzzer-15-dev
    postgresql libpq-dev
    xvfb xauth fonts-ipaexfont-gothic fonts-dejavu-core poppler-utils universal-ctags
)

install_packages() {
    local missing=()
    for p in "${PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        echo "Missing packages: ${missing[*]}" >&2
        echo "Install them as root:  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
    fi
    echo "Installing: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# build DIR [extra cmake args...]
build() {
    local dir="$1"; shift
    # One compiler cache per user (not per checkout): a fresh clone reuses what earlier builds of
    # the same sources compiled. ccache keys on the source, its includes and the flags, so nothing
    # stale is ever reused.
    export CCACHE_DIR="${CCACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hardtoken-console-ccache}"
    # Paths below the checkout are hashed relative to it. With -g the build folder is still part of
    # the key (ccache's hash_dir), so it is a checkout at the same path -- CI's clean clone, always
    # in the same folder -- that reuses what an earlier run compiled; defines carrying absolute
    # paths (the tests' source folder) tell checkouts apart too, so nothing foreign is reused.
    export CCACHE_BASEDIR="$ROOT"
    export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-4G}"
    # -g1: line tables only (enough for stack traces and sanitizer reports); full debug info of the
    # Qt templates doubles the compile and link time of a build on two cores.
    cmake -S "$ROOT" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_CXX_FLAGS_DEBUG="-g1" \
        -DCMAKE_CXX_COMPILER_LAUNCHER=ccache "$@" >"$dir.configure.log" 2>&1 \
        || { cat "$dir.configure.log"; exit 1; }
    cmake --build "$dir" -j "$JOBS"
}

# A throwaway PostgreSQL server on a Unix socket in a temporary folder, for the shared-store tests.
# Exports HARDTOKEN_PG; stops and removes the server when the script exits.
start_postgres() {
    local bin dir as
    bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
    if [ -z "$bin" ]; then
        echo "PostgreSQL is not installed: the shared-store tests will be skipped (and fail under CI=true)." >&2
        return 0
    fi
    dir="$(mktemp -d /tmp/hardtoken-pg.XXXXXX)"
    as=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres "$dir"
        as=(su postgres -s /bin/sh -c)
    else
        as=(sh -c)
    fi
    "${as[@]}" "'$bin/initdb' -D '$dir/data' -A trust -U postgres >'$dir/initdb.log' 2>&1" \
        || { cat "$dir/initdb.log"; exit 1; }
    "${as[@]}" "'$bin/pg_ctl' -D '$dir/data' -o \"-k $dir -p 54329 -c listen_addresses=''\" -l '$dir/server.log' -w start >/dev/null" \
        || { cat "$dir/server.log"; exit 1; }
    export HARDTOKEN_PG="host=$dir port=54329 user=postgres"
    PG_STOP=("${as[@]}" "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop >/dev/null 2>&1; rm -rf '$dir'")
    trap '"${PG_STOP[@]}"' EXIT
}
