#!/usr/bin/env bash
# Renders the dotprod sheet of `collab spreadsheet ml-sample` to docs/images/spreadsheet-dotprod.png:
# LibreOffice (headless, a throw-away profile) prints each sheet on one page of a PDF, pdftoppm rasterises
# page 2 (dotprod). Needs libreoffice-calc and poppler-utils (Debian), and the shared MovieLens sample.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet build -c Release "$root/src/Collab.Cli" >/dev/null
COLLAB_DATA="${COLLAB_DATA:-$root/../shared/data}" \
  dotnet "$root/src/Collab.Cli/bin/Release/net10.0/Collab.Cli.dll" spreadsheet ml-sample --out "$work/collab.xlsx"
soffice "-env:UserInstallation=file://$work/profile" --headless --norestore \
  --convert-to 'pdf:calc_pdf_Export:{"SinglePageSheets":{"type":"boolean","value":"true"}}' \
  --outdir "$work" "$work/collab.xlsx" >/dev/null
pdftoppm -f 2 -l 2 -png -r 110 -singlefile "$work/collab.pdf" "$work/dotprod"
mkdir -p "$root/docs/images"
cp "$work/dotprod.png" "$root/docs/images/spreadsheet-dotprod.png"
echo "wrote docs/images/spreadsheet-dotprod.png"
