#!/usr/bin/env bash
# kustomize reads files only from below this folder, so the app's application.properties and the routes are
# copied here; run this after changing config/application.properties or routes/ (KubernetesManifestsTest
# fails while the copies differ). base/config/pipelines.yaml is the cluster's own and is not copied.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$here/../.."
cp "$repo/config/application.properties" "$here/base/config/application.properties"
rm -rf "$here/base/routes" && mkdir -p "$here/base/routes"
cp "$repo"/routes/*.camel.yaml "$here/base/routes/"
