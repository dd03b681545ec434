#!/usr/bin/env bash
# Build deployment/Dockerfile and check the image the way a platform runs it: read-only
# root file system with only /tmp writable, no capabilities, the unprivileged user, the
# HEALTHCHECK, a question answered, nothing written, and a clean exit on SIGTERM.
# Uses podman and buildah (Debian packages); no Docker daemon or Docker Hub needed when
# NODE_IMAGE names a local base (deployment/container/make-base-image.sh).
#
#   sudo NODE_IMAGE=localhost/safeguarding-node:24-bookworm-slim deployment/container/smoke-test.sh
#
# ENGINE_FLAGS passes extra global flags to podman/buildah (e.g. "--runtime runc" where
# crun cannot manage a hybrid cgroup hierarchy); RUN_FLAGS extra `podman run` flags
# (e.g. "--ulimit nofile=4096:4096 --ulimit nproc=4096:4096" where limits cannot be
# raised); BUILD_CA a CA bundle for a TLS-inspecting proxy (passed as a build secret).
set -euo pipefail
cd "$(dirname "$0")/../.."

NODE_IMAGE="${NODE_IMAGE:-node:24-bookworm-slim}"
IMAGE="${IMAGE:-localhost/safeguarding-assistant:smoke}"
PORT="${PORT:-39780}"
ENGINE_FLAGS="${ENGINE_FLAGS:-}"
RUN_FLAGS="${RUN_FLAGS:-}"
name="safeguarding-smoke-$$"

# shellcheck disable=SC2086
podman_() { podman $ENGINE_FLAGS "$@"; }
fail() { echo "FAIL: $*" >&2; podman_ logs "$name" 2>&1 | tail -20 >&2 || true; exit 1; }

secret=()
[[ -n "${BUILD_CA:-}" ]] && secret=(--secret "id=build_ca,src=$BUILD_CA")
start=$(date +%s)
# shellcheck disable=SC2086
buildah $ENGINE_FLAGS bud --format docker --layers --network host $RUN_FLAGS "${secret[@]}" \
  --build-arg "NODE_IMAGE=$NODE_IMAGE" -f deployment/Dockerfile -t "$IMAGE" . >/dev/null
echo "built $IMAGE in $(( $(date +%s) - start )) s, $(podman_ image inspect "$IMAGE" --format '{{.Size}}' | awk '{printf "%.0f MB", $1/1e6}')"

trap 'podman_ rm -f "$name" >/dev/null 2>&1 || true' EXIT
# shellcheck disable=SC2086
podman_ run -d --name "$name" --network host $RUN_FLAGS \
  --read-only --tmpfs /tmp --cap-drop ALL --security-opt no-new-privileges \
  -e PORT="$PORT" "$IMAGE" >/dev/null

for _ in $(seq 1 120); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/readyz")" == 200 ]] && break
  sleep 1
done
[[ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/readyz")" == 200 ]] || fail "never ready"
echo "ready in $(( $(date +%s) - start )) s since the build began"

[[ "$(podman_ exec "$name" id -u)" == 10001 ]] || fail "not running as uid 10001"
podman_ exec "$name" sh -c 'touch /app/probe' 2>/dev/null && fail "the root file system is writable"
podman_ healthcheck run "$name" >/dev/null 2>&1 || fail "HEALTHCHECK failed"
echo "runs as uid 10001, root file system read-only, HEALTHCHECK passes"

answer=$(curl -s -X POST "localhost:$PORT/api/messages" -H 'content-type: application/json' \
  -d '{"type":"message","text":"who has to be at a strategy discussion?","channelId":"emulator","serviceUrl":"http://localhost:1","conversation":{"id":"smoke"},"from":{"id":"u1"},"recipient":{"id":"b1"},"id":"a1","deliveryMode":"expectReplies"}')
grep -q "Working Together" <<<"$answer" || fail "no cited answer: ${answer:0:300}"
echo "a question is answered from the corpus, with its citation"

written=$(podman_ exec "$name" find /tmp -mindepth 1 | wc -l)
[[ "$written" == 0 ]] || fail "the process wrote $written files in /tmp"
echo "nothing written, not even in /tmp"

t0=$(date +%s%N)
podman_ stop -t 30 "$name" >/dev/null
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
code=$(podman_ inspect "$name" --format '{{.State.ExitCode}}')
[[ "$code" == 0 ]] || fail "exit code $code after SIGTERM"
echo "SIGTERM: clean exit (code 0) in $ms ms"
echo "smoke test passed"
