#!/usr/bin/env bash
# Renders a BPMN model to SVG with bpmn-js in headless Chromium, the way docs/processes/*.svg were made.
#   docs/processes/render-svg.sh processes/referral.bpmn docs/processes/referral.svg
# Needs node/npm and Chromium from Debian (apt-get install -y chromium); bpmn-js comes from npm
# into a scratch directory, never into the repository.
set -euo pipefail
in="$(realpath "$1")"; out="$(realpath -m "$2")"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
cd "$work"
npm init -y >/dev/null 2>&1
npm install --silent bpmn-js >/dev/null 2>&1
cp node_modules/bpmn-js/dist/bpmn-viewer.production.min.js .

# The page imports the model, calls saveSVG() and writes the result (base64) into the DOM.
node -e '
const fs = require("fs");
const xml = fs.readFileSync(process.argv[1], "utf8");
fs.writeFileSync("render.html", `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<div id="canvas" style="width:3200px;height:1200px"></div><pre id="out">PENDING</pre>
<script src="bpmn-viewer.production.min.js"></script>
<script>
const viewer = new BpmnJS({container: "#canvas"});
viewer.importXML(${JSON.stringify(xml)})
  .then(r => viewer.saveSVG().then(({svg}) => { document.getElementById("out").textContent =
      "OK " + btoa(unescape(encodeURIComponent(svg))) + " WARNINGS " + JSON.stringify(r.warnings.map(w => w.message)); }))
  .catch(e => { document.getElementById("out").textContent = "ERROR " + e.message; });
</script></body></html>`);
' "$in"

chromium --headless --no-sandbox --disable-gpu --disable-background-networking --allow-file-access-from-files \
  --virtual-time-budget=10000 --dump-dom "file://$work/render.html" > dom.html 2>/dev/null

node -e '
const fs = require("fs");
const m = /<pre id="out">OK (\S+) WARNINGS (.*?)<\/pre>/s.exec(fs.readFileSync("dom.html", "utf8"));
if (!m) { console.error("bpmn-js did not render the model:", /<pre id="out">(.*?)<\/pre>/s.exec(fs.readFileSync("dom.html", "utf8"))?.[1]); process.exit(1); }
fs.writeFileSync(process.argv[1], Buffer.from(m[1], "base64").toString("utf8"));
console.log("wrote", process.argv[1], "warnings:", m[2]);
' "$out"
