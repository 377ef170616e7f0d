#!/usr/bin/env bash
# Builds kube-apiserver and kube-controller-manager for the operator's real-control-plane tests, once
# per machine, and installs etcd from Debian when it is missing. Prints the directory holding the three
# binaries on its last line. Called by operator/pom.xml before the tests; safe to run by hand.
#
# Cache (outside the repo, reused when present): ${REDLINE_KUBE_CACHE:-~/.cache/redline/kube}/<version>/
# The first build takes ~6 min on 2 cores; later runs return at once.
set -euo pipefail

KUBE_VERSION="${REDLINE_KUBE_VERSION:-v1.37.2}"
STAGING_VERSION="v0.${KUBE_VERSION#v1.}"            # staging modules are tagged v0.<minor>.<patch>
CACHE_ROOT="${REDLINE_KUBE_CACHE:-$HOME/.cache/redline/kube}"
DIR="$CACHE_ROOT/$KUBE_VERSION"
BIN="$DIR/bin"

log() { echo "[kube-binaries] $*" >&2; }

ensure_etcd() {
  if command -v etcd >/dev/null 2>&1; then return; fi
  if [[ -x /usr/bin/etcd ]]; then return; fi
  log "etcd missing: installing Debian's etcd-server"
  if [[ $(id -u) -ne 0 ]]; then log "need root for apt-get install etcd-server"; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  # policy-rc.d stops the package's postinst from starting a system etcd we do not want
  local policy=/usr/sbin/policy-rc.d created=0
  if [[ ! -e $policy ]]; then printf '#!/bin/sh\nexit 101\n' > $policy; chmod +x $policy; created=1; fi
  apt-get install -y -qq --no-install-recommends etcd-server >&2
  if [[ $created -eq 1 ]]; then rm -f $policy; fi
}

find_go() {
  if [[ -n "${GO:-}" ]]; then echo "$GO"; return; fi
  if command -v go >/dev/null 2>&1; then command -v go; return; fi
  if [[ -x /usr/local/go/bin/go ]]; then echo /usr/local/go/bin/go; return; fi
  log "no Go toolchain (need Go >= 1.26 on PATH, at /usr/local/go/bin/go, or in \$GO) to build Kubernetes $KUBE_VERSION"
  exit 1
}

build_kube() {
  local go; go="$(find_go)"
  local work="$DIR/src"
  rm -rf "$work"; mkdir -p "$work" "$BIN"
  cd "$work"
  # The staging modules (k8s.io/api, client-go, ...) are required at v0.0.0 and replaced by ./staging paths
  # in kubernetes' own go.mod; a wrapper module must replace each with its published tag instead.
  local kmod; kmod="$(GOTOOLCHAIN=local GOFLAGS=-mod=mod "$go" mod download -json "k8s.io/kubernetes@$KUBE_VERSION" \
      | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",\{0,1\}$/\1/p')"
  [[ -f "$kmod" ]] || { log "could not download k8s.io/kubernetes@$KUBE_VERSION's go.mod"; exit 1; }
  {
    echo "module redline.dev/kube-test-binaries"
    echo
    sed -n 's/^go \(.*\)$/go \1/p' "$kmod" | head -1
    echo
    echo "require k8s.io/kubernetes $KUBE_VERSION"
    echo
    echo "replace ("
    sed -n "s#^[[:space:]]*\(k8s.io/[a-z0-9-]*\) => ./staging/src/.*#\t\1 => \1 $STAGING_VERSION#p" "$kmod"
    echo ")"
  } > go.mod
  log "replacing $(grep -c '=> k8s.io' go.mod) staging modules with $STAGING_VERSION"
  cat > tools.go <<'GO'
//go:build tools

package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
)
GO
  # a build cache of its own (~3 GB), dropped with the sources once the two binaries exist
  export GOTOOLCHAIN=local GOFLAGS=-mod=mod CGO_ENABLED=0 GOCACHE="$work/gocache"
  "$go" mod tidy >&2
  local v="${KUBE_VERSION#v}" ldflags
  ldflags="-s -w -X k8s.io/component-base/version.gitVersion=$KUBE_VERSION \
 -X k8s.io/component-base/version.gitMajor=${v%%.*} -X k8s.io/component-base/version.gitMinor=$(echo "$v" | cut -d. -f2) \
 -X k8s.io/component-base/version.gitTreeState=clean"
  log "building kube-apiserver and kube-controller-manager $KUBE_VERSION (first time: several minutes)"
  "$go" build -trimpath -ldflags "$ldflags" -o "$BIN/" \
      k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager >&2
  echo "$KUBE_VERSION" > "$BIN/.complete"
  cd "$DIR"; rm -rf "$work"
}

ensure_etcd
mkdir -p "$DIR"
if [[ ! -f "$BIN/.complete" ]]; then
  exec 9>"$DIR/.lock"
  flock 9                                   # another build (another worktree) may be running
  if [[ ! -f "$BIN/.complete" ]]; then build_kube; fi
fi
ln -sf "$(command -v etcd || echo /usr/bin/etcd)" "$BIN/etcd"
echo "$BIN"
