#!/usr/bin/env bash
# Builds llama.cpp's llama-server from the source that the npm package node-llama-cpp carries (a git
# bundle inside the package), with Debian's cmake and gcc: the server target only, CPU only, no
# network at build time (no prebuilt web UI, no curl). The binary is cached in
#   ${XDG_CACHE_HOME:-~/.cache}/symphony-build/llama.cpp-node-llama-cpp-<version>/llama-server
# (outside the repository and outside SYMPHONY_HOME, which tests replace) and reused when present.
# Prints the binary's path on stdout; progress goes to stderr. About 11+ minutes on two busy cores.
#   .ci/llama-server.sh           build when the cache is empty, print the path
#   .ci/llama-server.sh --path    print the path the binary is (or would be) cached at, build nothing
set -euo pipefail
version=3.21.1 # node-llama-cpp; also read by the tests and `symphony bench` (LlamaServerBinary.java)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/symphony-build/llama.cpp-node-llama-cpp-$version"
binary="$cache/llama-server"
if [ "${1:-}" = "--path" ] || [ -x "$binary" ]; then echo "$binary"; exit 0; fi
for tool in npm git cmake g++; do
  command -v "$tool" >/dev/null || { echo "llama-server: $tool is missing (apt-get install npm git cmake g++)" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "llama-server: fetching node-llama-cpp@$version" >&2
(cd "$work" && npm pack --silent "node-llama-cpp@$version" >/dev/null)
tar -xzf "$work/node-llama-cpp-$version.tgz" -C "$work" package/llama/gitRelease.bundle package/llama/llama.cpp.info.json
git clone -q "$work/package/llama/gitRelease.bundle" "$work/llama.cpp" 2>/dev/null
echo "llama-server: building llama.cpp $(tr -d ' \n' <"$work/package/llama/llama.cpp.info.json") (server target only, CPU)" >&2
cmake -S "$work/llama.cpp" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_UI=OFF \
  -DLLAMA_USE_PREBUILT_UI=OFF -DLLAMA_OPENSSL=OFF -DLLAMA_CURL=OFF -DGGML_NATIVE=ON >&2
cmake --build "$work/build" --target llama-server -j "$(nproc)" >&2
mkdir -p "$cache"
cp "$work/build/bin/llama-server" "$cache/llama-server.tmp"
mv "$cache/llama-server.tmp" "$binary" # atomic: a half-copied binary is never taken for a cached one
echo "$binary"
