#!/usr/bin/env bash
# Builds a local code-server host (the real VS Code server, web workbench and Node
# extension host) for offline integration tests: scripts/run-workbench-tests.mjs
# drives it with headless Chromium.
#
#   scripts/setup-code-server.sh [DEST]      DEST defaults to <project>/.cache/code-server
#
# DEST ends up as the code-server package root (DEST/out/node/entry.js, DEST/lib/vscode).
# Safe to re-run: exits at once when DEST is complete for this Node ABI.
#
# A plain `npm install code-server` cannot work here: its postinstall needs root
# tweaks, kerberos needs libkrb5-dev, and @vscode/ripgrep downloads a binary from
# GitHub. So the package is unpacked and its native modules are rebuilt by hand.
set -euo pipefail

CODE_SERVER_VERSION=4.99.4   # ships VS Code 1.99.3
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${1:-$ROOT/.cache/code-server}"
mkdir -p "$(dirname "$DEST")"
DEST="$(cd "$(dirname "$DEST")" && pwd)/$(basename "$DEST")"

log() { printf '[setup-code-server] %s\n' "$*" >&2; }
die() { printf '[setup-code-server] ERROR: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || die "node is not on PATH"
command -v npm >/dev/null || die "npm is not on PATH"

# Native modules are built for the Node that runs the server, so the stamp records its ABI.
STAMP_TEXT="code-server=$CODE_SERVER_VERSION node-abi=$(node -p process.versions.modules) arch=$(node -p process.arch)"
STAMP_FILE=.healing-notes-setup-complete

# Each entry lists the places one native module may be (globs, '|' between alternatives):
# argon2's node-pre-gyp fallback build lands in lib/binding, @parcel/watcher ships a
# prebuilt per-platform package on npm, the rest are compiled here into build/Release.
NATIVE_MODULES=(
  "node_modules/argon2/lib/binding/napi-v*/argon2.node|node_modules/argon2/build/Release/argon2.node"
  "lib/vscode/node_modules/node-pty/build/Release/pty.node"
  "lib/vscode/node_modules/kerberos/build/Release/kerberos.node"
  "lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node"
  "lib/vscode/node_modules/native-watchdog/build/Release/watchdog.node"
  "lib/vscode/node_modules/@parcel/watcher-linux-*/watcher.node|lib/vscode/node_modules/@parcel/watcher/build/Release/watcher.node"
)

# Prints the native modules missing from a code-server tree, one per line.
missing_native() {
  local dir="$1" entry alt found
  for entry in "${NATIVE_MODULES[@]}"; do
    found=
    IFS='|' read -ra alts <<<"$entry"
    for alt in "${alts[@]}"; do
      if compgen -G "$dir/$alt" >/dev/null; then found=1; break; fi
    done
    [ -n "$found" ] || echo "  $entry"
  done
}

is_complete() {
  local dir="$1"
  [ -f "$dir/$STAMP_FILE" ] && [ "$(cat "$dir/$STAMP_FILE")" = "$STAMP_TEXT" ] &&
    [ -f "$dir/out/node/entry.js" ] && [ -x "$dir/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] &&
    [ -z "$(missing_native "$dir")" ]
}

if is_complete "$DEST"; then
  log "already complete: $DEST ($STAMP_TEXT)"
  exit 0
fi

# --- system packages -------------------------------------------------------
need_pkgs=()
command -v chromium >/dev/null || need_pkgs+=(chromium)
command -v rg >/dev/null || need_pkgs+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_pkgs+=(libkrb5-dev)
command -v g++ >/dev/null || need_pkgs+=(g++)
command -v make >/dev/null || need_pkgs+=(make)
command -v python3 >/dev/null || need_pkgs+=(python3)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    log "installing Debian packages: ${need_pkgs[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q </dev/null || die "apt-get update failed"
    apt-get install -y -q "${need_pkgs[@]}" </dev/null ||
      die "apt-get install ${need_pkgs[*]} failed"
  else
    die "missing system packages: ${need_pkgs[*]} (install them as root: apt-get install -y ${need_pkgs[*]})"
  fi
fi
command -v chromium >/dev/null || die "chromium is still missing (needed by scripts/run-workbench-tests.mjs)"
RG="$(command -v rg)" || die "rg (ripgrep) is still missing"

# node-gyp would otherwise try to download Node headers; use the local ones when npm has no nodedir.
nodedir="$(npm config get nodedir 2>/dev/null || true)"
if [ -z "${npm_config_nodedir:-}" ] && { [ -z "$nodedir" ] || [ "$nodedir" = undefined ]; }; then
  node_prefix="$(dirname "$(dirname "$(command -v node)")")"
  if [ -f "$node_prefix/include/node/node.h" ]; then export npm_config_nodedir="$node_prefix"; fi
fi
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# --- build in a sibling folder, then move into place -------------------------
# Refuse to replace a folder that is not a code-server tree, so a mistyped DEST is never wiped.
if [ -e "$DEST" ] && [ -n "$(ls -A "$DEST" 2>/dev/null)" ] && [ ! -f "$DEST/out/node/entry.js" ]; then
  die "$DEST exists and is not a code-server tree; remove it or choose another DEST"
fi

WORK="$DEST.partial"
rm -rf "$WORK"
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT
START=$SECONDS

log "fetching code-server@$CODE_SERVER_VERSION"
(cd "$WORK" && npm pack --silent "code-server@$CODE_SERVER_VERSION" >/dev/null) ||
  die "npm pack code-server@$CODE_SERVER_VERSION failed (is the npm registry reachable?)"
tar xzf "$WORK/code-server-$CODE_SERVER_VERSION.tgz" -C "$WORK"
rm "$WORK/code-server-$CODE_SERVER_VERSION.tgz"
PKG="$WORK/package"

log "installing code-server dependencies"
(cd "$PKG" && npm install --omit=dev --ignore-scripts --no-package-lock --loglevel=error </dev/null) ||
  die "npm install in code-server failed"
(cd "$PKG" && npm rebuild argon2 --loglevel=error </dev/null) || die "building argon2 failed"

log "installing VS Code server dependencies"
cd "$PKG/lib/vscode"
npm install --omit=dev --ignore-scripts --no-package-lock --loglevel=error </dev/null ||
  die "npm install in lib/vscode failed"
log "compiling native modules (about 40 s on 2 cores)"
npm rebuild kerberos @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid --loglevel=error </dev/null ||
  die "npm rebuild of VS Code's native modules failed (is libkrb5-dev installed?)"
# node-pty compiles, then its postinstall runs `npx node-gyp ...` which npm's yes=false
# cancels; the exit code is meaningless, the pty.node check below is what counts.
npm rebuild node-pty --loglevel=error </dev/null >/dev/null 2>&1 || true

# @vscode/ripgrep's own postinstall downloads from GitHub; use Debian's rg instead.
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$RG" node_modules/@vscode/ripgrep/bin/rg
# The server looks up node_modules.asar as in the desktop build.
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)

log "installing built-in extension dependencies"
(cd extensions && npm install --omit=dev --ignore-scripts --no-package-lock --loglevel=error </dev/null) ||
  die "npm install in lib/vscode/extensions failed"
(cd extensions && node postinstall.mjs >/dev/null) || die "extensions/postinstall.mjs failed"
cd "$ROOT"

missing="$(missing_native "$PKG")"
[ -z "$missing" ] || die "native modules were not built:
$missing
Check that g++, make, python3 and libkrb5-dev are installed and that Node's headers are available (npm config nodedir)."
[ -f "$PKG/out/node/entry.js" ] || die "code-server entry point missing: $PKG/out/node/entry.js"

echo "$STAMP_TEXT" >"$PKG/$STAMP_FILE"
rm -rf "$DEST"
mv "$PKG" "$DEST"
is_complete "$DEST" || die "verification of $DEST failed after moving it into place"
log "done in $((SECONDS - START)) s: $DEST (VS Code $(node -p "require('$DEST/lib/vscode/product.json').version" 2>/dev/null || echo '?'))"
