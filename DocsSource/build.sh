#!/usr/bin/env bash
# Builds every DocC catalog in DocsSource/ with the toolchain's docc, from the package's symbol graphs:
# one archive per module and the landing page (SwiftCRM.docc) with the articles for the whole SDK.
# Warnings are errors. Output: .build/docs/<Module>.doccarchive
set -euo pipefail
cd "$(dirname "$0")/.."

swift package dump-symbol-graph --minimum-access-level public >/dev/null
graphs=$(dirname "$(find .build -path '*/symbolgraph/CRMCore.symbols.json' | head -n 1)")
rm -rf .build/docs .build/docs-graphs
mkdir -p .build/docs
for catalog in DocsSource/*.docc; do
    module=$(basename "$catalog" .docc)
    # Only the module's own graphs: each dependency documents itself. A catalog that is not a module
    # (the landing page) has articles only.
    mkdir -p ".build/docs-graphs/$module"
    if [ -f "$graphs/$module.symbols.json" ]; then
        cp "$graphs/$module".symbols.json ".build/docs-graphs/$module/"
        find "$graphs" -name "$module@*.symbols.json" -exec cp {} ".build/docs-graphs/$module/" \;
    fi
    docc convert "$catalog" \
        --additional-symbol-graph-dir ".build/docs-graphs/$module" \
        --fallback-display-name "$module" \
        --fallback-bundle-identifier "org.swift-crm.$module" \
        --output-path ".build/docs/$module.doccarchive" \
        --warnings-as-errors
done
echo "Documentation built in .build/docs"
