#!/usr/bin/env bash
# Lighthouse and the Node 22 it needs, pinned npm packages under .cache/npm (no lock file written).
set -euo pipefail
cd "$(dirname "$0")/.."
npm install --no-save --no-package-lock --silent --prefix .cache/npm axe-core@4.14.1 node@22.23.3 lighthouse@13.5.0
.cache/npm/node_modules/.bin/node --version
