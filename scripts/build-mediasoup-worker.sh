#!/bin/sh
# Builds mediasoup's C++ worker offline (npm registry + Debian bookworm packages only) into a cache
# outside the clone, keyed by version:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/hotline/mediasoup-worker/<version>/mediasoup-worker
#
# usage: scripts/build-mediasoup-worker.sh [VERSION]      (default 3.27.1)
#   --force    rebuild even when the cached binary is fine
# Prints the binary's path as the last line of stdout. Skips the build when the cached binary
# exists, was made by this recipe and loads (no missing shared library).
#
# Why a build at all: `npm install mediasoup` downloads a prebuilt worker from GitHub and otherwise
# builds one with pip + meson wrap downloads; neither host is reachable on our machines. This
# recipe replaces mediasoup's meson subprojects by thin shims over Debian's libraries (libuv,
# OpenSSL, libsrtp 2.5, abseil, flatbuffers), maps the libsrtp3 API that mediasoup 3.2x uses onto
# libsrtp 2.5 and ankerl::unordered_dense onto the standard containers, and fixes the DTLS BIO
# callback that crashes the worker on the first browser ClientHello with Debian's KTLS-enabled
# OpenSSL. Tested for mediasoup 3.27.x.
set -eu

# Bump when the recipe changes: a cached binary from another recipe is rebuilt.
HOTLINE_WORKER_RECIPE=1

FORCE=0
VERSION=""
for arg in "$@"; do
  case "$arg" in
    --force) FORCE=1 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    -*) echo "build-mediasoup-worker: unknown option $arg" >&2; exit 2 ;;
    *) VERSION=$arg ;;
  esac
done
VERSION=${VERSION:-3.27.1}
case "$VERSION" in
  [0-9]*.[0-9]*.[0-9]*) ;;
  *) echo "build-mediasoup-worker: need an exact version (got '$VERSION')" >&2; exit 2 ;;
esac

CACHE_ROOT=${XDG_CACHE_HOME:-${HOME:?HOME is not set}/.cache}/hotline/mediasoup-worker
OUT_DIR=$CACHE_ROOT/$VERSION
BIN=$OUT_DIR/mediasoup-worker
INFO=$OUT_DIR/build-info

log() { echo "[build-mediasoup-worker] $*" >&2; }

# The worker exits with 41 when started without MEDIASOUP_VERSION: that proves it loads and runs.
worker_runs() {
  [ -x "$1" ] || return 1
  rc=0; env -i "$1" >/dev/null 2>&1 </dev/null || rc=$?
  [ "$rc" -eq 41 ]
}
cache_ok() {
  worker_runs "$BIN" && [ -f "$INFO" ] && grep -qx "recipe=$HOTLINE_WORKER_RECIPE" "$INFO"
}

if [ "$FORCE" -eq 0 ] && cache_ok; then
  log "cached worker $VERSION is fine"
  echo "$BIN"
  exit 0
fi

# --- Debian packages ----------------------------------------------------------------------------
PKGS="g++ meson ninja-build pkg-config libuv1-dev libssl-dev libsrtp2-dev libabsl-dev libflatbuffers-dev flatbuffers-compiler"
MISSING=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || MISSING="$MISSING $p"
done
if [ -n "$MISSING" ]; then
  CMD="apt-get update && apt-get install -y --no-install-recommends$MISSING"
  if [ "$(id -u)" -ne 0 ]; then
    echo "The mediasoup worker build needs Debian packages:$MISSING. Run as root:" >&2
    echo "  $CMD" >&2
    exit 1
  fi
  log "installing$MISSING"
  export DEBIAN_FRONTEND=noninteractive
  # shellcheck disable=SC2086
  apt-get -o DPkg::Lock::Timeout=300 update >&2 && apt-get -o DPkg::Lock::Timeout=300 install -y --no-install-recommends $MISSING >&2
fi

# --- one build at a time per version (npm start and npm test may race) -------------------------
mkdir -p "$OUT_DIR"
exec 9>"$OUT_DIR/.lock"
if ! flock -n 9; then
  log "another build of $VERSION is running; waiting for it"
  flock 9
fi
if [ "$FORCE" -eq 0 ] && cache_ok; then   # built by whoever held the lock
  echo "$BIN"
  exit 0
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/hotline-mediasoup-$VERSION.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
START=$(date +%s)
log "building mediasoup-worker $VERSION in $WORK (about 4 minutes on 2 cores)"

cd "$WORK"
npm pack "mediasoup@$VERSION" --silent >/dev/null
tar xzf "mediasoup-$VERSION.tgz"
cd package/worker

# --- meson subprojects -> Debian libraries ------------------------------------------------------
S=subprojects
rm -f "$S"/*.wrap
# shim NAME MESON_BODY [MESON_OPTIONS]: mediasoup link_whole()s each subproject's static library,
# so each shim exports an empty one; the real library comes in through the *_dep dependency.
shim() {
  mkdir -p "$S/$1/include"
  : > "$S/$1/empty.c"
  printf "project('%s', 'c', 'cpp')\n%s\n" "$1" "$2" > "$S/$1/meson.build"
  if [ -n "${3:-}" ]; then printf '%s\n' "$3" > "$S/$1/meson_options.txt"; fi
}
EMPTY="static_library('empty', 'empty.c')"

shim openssl "openssl_dep = dependency('openssl')
libcrypto_lib = $EMPTY
libssl_lib = libcrypto_lib"

shim libuv "libuv_dep = dependency('libuv')
libuv = $EMPTY" "option('build_tests', type: 'boolean', value: false)
option('build_benchmarks', type: 'boolean', value: false)"

shim flatbuffers "flatbuffers_dep = dependency('flatbuffers')
flatbuffers_lib = $EMPTY"

shim abseil-cpp "absl_container_dep = declare_dependency(dependencies: [dependency('absl_flat_hash_map'),
  dependency('absl_flat_hash_set'), dependency('absl_btree'), dependency('absl_inlined_vector')])
absl_strings_dep = dependency('absl_strings')
absl_types_dep = declare_dependency(dependencies: [dependency('absl_optional'),
  dependency('absl_variant'), dependency('absl_span')])
absl_container_lib = $EMPTY"

shim libsrtp3 "libsrtp3_dep = declare_dependency(dependencies: dependency('libsrtp2'),
  include_directories: include_directories('include'))
libsrtp3 = $EMPTY" "option('crypto-library', type: 'string', value: 'openssl')
option('crypto-library-kdf', type: 'string', value: 'disabled')
option('tests', type: 'string', value: 'disabled')"

# mediasoup 3.2x includes <srtp.h> and calls the libsrtp3 API: an opaque policy object built with
# srtp_policy_*() and protect/unprotect with separate in/out buffers and size_t lengths.
cat > "$S/libsrtp3/include/srtp.h" <<'EOF'
#pragma once
// libsrtp3 API as used by mediasoup 3.2x, on top of Debian's libsrtp 2.5.
#define srtp_policy_t hotline_srtp2_policy_t
#include <srtp2/srtp.h>
#undef srtp_policy_t
#include <cstddef>
#include <cstring>
#include <new>

typedef hotline_srtp2_policy_t* srtp_policy_t;
struct hotline_srtp_policy_box {
  hotline_srtp2_policy_t policy; // first member: the box and the policy share one address
  uint8_t key[SRTP_MAX_KEY_LEN];
};

static constexpr srtp_err_status_t srtp_err_status_buffer_small = static_cast<srtp_err_status_t>(28);
static constexpr srtp_err_status_t srtp_err_status_cryptex_err = static_cast<srtp_err_status_t>(29);

inline srtp_err_status_t srtp_policy_create(srtp_policy_t* out) {
  auto* box = new (std::nothrow) hotline_srtp_policy_box(); // value-initialised: next = NULL
  if (box == nullptr) return srtp_err_status_alloc_fail;
  *out = &box->policy;
  return srtp_err_status_ok;
}
inline void srtp_policy_destroy(srtp_policy_t p) { delete reinterpret_cast<hotline_srtp_policy_box*>(p); }
inline srtp_err_status_t srtp_policy_set_ssrc(srtp_policy_t p, srtp_ssrc_t ssrc) {
  p->ssrc = ssrc;
  return srtp_err_status_ok;
}
inline srtp_err_status_t srtp_policy_set_profile(srtp_policy_t p, srtp_profile_t profile) {
  srtp_err_status_t err = srtp_crypto_policy_set_from_profile_for_rtp(&p->rtp, profile);
  return err != srtp_err_status_ok ? err : srtp_crypto_policy_set_from_profile_for_rtcp(&p->rtcp, profile);
}
inline srtp_err_status_t srtp_policy_add_key(srtp_policy_t p, const uint8_t* key, size_t keyLen,
    const uint8_t* salt, size_t saltLen, const uint8_t* /*mki*/, size_t mkiLen) {
  auto* box = reinterpret_cast<hotline_srtp_policy_box*>(p);
  if (mkiLen != 0 || keyLen + saltLen > sizeof(box->key)) return srtp_err_status_bad_param;
  std::memcpy(box->key, key, keyLen);
  std::memcpy(box->key + keyLen, salt, saltLen);
  p->key = box->key;
  return srtp_err_status_ok;
}
inline srtp_err_status_t srtp_policy_set_allow_repeat_tx(srtp_policy_t p, bool allow) {
  p->allow_repeat_tx = allow ? 1 : 0;
  return srtp_err_status_ok;
}
inline srtp_err_status_t srtp_policy_set_window_size(srtp_policy_t p, size_t size) {
  p->window_size = static_cast<unsigned long>(size);
  return srtp_err_status_ok;
}
inline srtp_err_status_t srtp_stream_remove(srtp_t session, uint32_t ssrc) {
  return srtp_remove_stream(session, ssrc);
}

// libsrtp 2 protects in place with int lengths; libsrtp3 takes (in, inLen, out, &outLen).
#define HOTLINE_SRTP_IO(fn, extra)                                                              \
  inline srtp_err_status_t fn(srtp_t ctx, const uint8_t* in, size_t inLen, uint8_t* out,      \
      size_t* outLen) {                                                                         \
    if (*outLen < inLen + (extra)) return srtp_err_status_buffer_small;                         \
    if (out != in) std::memmove(out, in, inLen);                                                \
    int len = static_cast<int>(inLen);                                                          \
    srtp_err_status_t err = fn(ctx, static_cast<void*>(out), &len);                             \
    if (err == srtp_err_status_ok) *outLen = static_cast<size_t>(len);                          \
    return err;                                                                                 \
  }
HOTLINE_SRTP_IO(srtp_protect, SRTP_MAX_TRAILER_LEN)
HOTLINE_SRTP_IO(srtp_protect_rtcp, SRTP_MAX_TRAILER_LEN + 4)
HOTLINE_SRTP_IO(srtp_unprotect, 0)
HOTLINE_SRTP_IO(srtp_unprotect_rtcp, 0)
#undef HOTLINE_SRTP_IO
inline srtp_err_status_t srtp_protect(srtp_t c, const uint8_t* in, size_t inLen, uint8_t* out,
    size_t* outLen, size_t /*mkiIndex*/) { return srtp_protect(c, in, inLen, out, outLen); }
inline srtp_err_status_t srtp_protect_rtcp(srtp_t c, const uint8_t* in, size_t inLen, uint8_t* out,
    size_t* outLen, size_t /*mkiIndex*/) { return srtp_protect_rtcp(c, in, inLen, out, outLen); }
EOF

# ankerl::unordered_dense (3.21+) is not in bookworm: the subset mediasoup uses maps onto std::.
shim unordered-dense "ankerl_unordered_dense_dep = declare_dependency(include_directories: include_directories('include'))"
printf '[wrap-file]\ndirectory = unordered-dense\n[provide]\nunordered_dense = ankerl_unordered_dense_dep\n' > "$S/unordered-dense.wrap"
mkdir -p "$S/unordered-dense/include/ankerl"
cat > "$S/unordered-dense/include/ankerl/unordered_dense.h" <<'EOF'
#pragma once
#include <functional>
#include <memory>
#include <unordered_map>
#include <unordered_set>
namespace ankerl { namespace unordered_dense {
template <class T, class = void> struct hash : std::hash<T> {};
template <class K, class V, class H = hash<K>, class Eq = std::equal_to<K>,
    class A = std::allocator<std::pair<const K, V>>>
using map = std::unordered_map<K, V, H, Eq, A>;
template <class K, class H = hash<K>, class Eq = std::equal_to<K>, class A = std::allocator<K>>
using set = std::unordered_set<K, H, Eq, A>;
} }
EOF

# --- source fixes -------------------------------------------------------------------------------
# The DTLS BIO callback returns 1 for every post-operation call except a plain BIO_CB_RETURN, so
# BIO_get_ktls_send() answers "yes" with Debian's KTLS-enabled OpenSSL, libssl allocates no write
# buffer and the worker SIGSEGVs in SSL_read() on a browser's first ClientHello.
sed -i 's/(operationType == BIO_CB_RETURN)/((operationType \& BIO_CB_RETURN) != 0)/' src/RTC/DtlsTransport.cpp
grep -q 'operationType & BIO_CB_RETURN' src/RTC/DtlsTransport.cpp || {
  echo "build-mediasoup-worker: the DTLS BIO callback fix no longer applies to $VERSION" >&2; exit 1; }
# bookworm's meson is 1.0.1; mediasoup asks for >= 1.1.0 but builds with 1.0.1.
sed -i "s/meson_version: '>= 1.1.0'/meson_version: '>= 1.0.0'/" meson.build

# --- build --------------------------------------------------------------------------------------
meson setup --wrap-mode=nodownload --buildtype=release -Db_ndebug=true -Db_pie=true out >&2
meson compile -C out flatbuffers-generator >&2   # generated FBS headers first, like upstream's tasks.py
ninja -C out -j"$(nproc)" mediasoup-worker >&2
strip out/mediasoup-worker
worker_runs out/mediasoup-worker || {
  echo "build-mediasoup-worker: the new worker does not start:" >&2; ldd out/mediasoup-worker >&2 || true; exit 1; }

# --- install into the cache atomically ----------------------------------------------------------
cp out/mediasoup-worker "$OUT_DIR/.mediasoup-worker.tmp.$$"
chmod 755 "$OUT_DIR/.mediasoup-worker.tmp.$$"
mv -f "$OUT_DIR/.mediasoup-worker.tmp.$$" "$BIN"
{
  echo "version=$VERSION"
  echo "recipe=$HOTLINE_WORKER_RECIPE"
  echo "built=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "seconds=$(( $(date +%s) - START ))"
} > "$INFO"
log "built in $(( $(date +%s) - START ))s: $BIN"
echo "$BIN"
