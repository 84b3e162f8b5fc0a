"""The page's safety and looks: HTML escaping, the inline CSS and script, and the CSP that admits only them.

The page needs no network: CSS and the small filter script are inline, and a
Content-Security-Policy allows only the page's own script (by hash), so nothing
injected through a document could run even if escaping were ever missed. Every piece
of source text and every value is escaped with ``html.escape`` (``esc``).
"""
from __future__ import annotations

import base64
import hashlib
import html


def esc(value: object) -> str:
    """HTML-escape any value for text or a quoted attribute; carriage returns as references.

    A literal CR would be folded into LF by the browser's input stream normalisation;
    ``&#13;`` survives it, so the page's text stays character-exact.
    """
    return html.escape("" if value is None else str(value), quote=True).replace("\r", "&#13;")


def _script_hash(script: str) -> str:
    """The CSP source expression allowing exactly this inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


CSS = """
:root{--ink:#1f2328;--muted:#59636e;--line:#d0d7de;--bg:#fff;--soft:#f6f8fa;--focus:#1a56db}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5em;z-index:20}
.skip:focus{left:.5em}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 1.25rem}
header{padding-top:1rem;border-bottom:1px solid var(--line)}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0;margin:.5rem 0 1rem}
h1{font-size:1.6rem;margin:.2rem 0;overflow-wrap:anywhere}
h2{font-size:1.35rem;margin-top:2.2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.1rem;margin-top:1.6rem;overflow-wrap:anywhere}
a{color:#0b57d0}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.muted{color:var(--muted)}
code{font-size:.85em}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.grid{display:grid;grid-template-columns:minmax(12rem,1fr) minmax(0,3.5fr);gap:1.5rem;align-items:start}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border-bottom:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top;
  overflow-wrap:break-word}
thead th{white-space:nowrap}
td.wrap{overflow-wrap:anywhere}
#claims-table{min-width:56rem}
#claims-table td:first-child{width:36%}
#claims-table td:nth-child(4){width:20%}
thead th{background:var(--soft)}
table.compact{width:auto;min-width:16rem}
ul.values{list-style:none;margin:0;padding:0}
ul.values li{margin:0 0 .2rem}
.filters{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;margin:.8rem 0;padding:.7rem;
  background:var(--soft);border-radius:6px}
.filters label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600}
.filters select,.filters button{font:inherit;font-weight:400;padding:.3rem;max-width:18rem}
.filters p{margin:0;flex-basis:100%;font-size:.9rem}
.chart-wrap{overflow-x:auto}
.chart{width:100%;height:auto;max-width:1000px;min-width:720px;display:block;margin:.5rem 0}
.legend ul{display:flex;flex-wrap:wrap;gap:.4rem .8rem;list-style:none;padding:0}
.doc{border-top:2px solid var(--line);margin-top:2rem}
.facts{display:flex;flex-wrap:wrap;gap:.2rem 1.5rem;margin:.5rem 0 1rem;font-size:.9rem}
.facts dt{font-weight:600;display:inline}
.facts dd{display:inline;margin:0 0 0 .35rem;overflow-wrap:anywhere}
.facts div{max-width:100%}
.doc-text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1rem;line-height:1.9;max-width:75ch}
.back{font-size:.9rem}
mark.hl{color:inherit;border-radius:3px;padding:0}
.hl-ent-person{background:#fde2ef;box-shadow:inset 0 -2px #c2185b}
.hl-ent-org{background:#dbeafe;box-shadow:inset 0 -2px #1d4ed8}
.hl-ent-place{background:#dcfce7;box-shadow:inset 0 -2px #15803d}
.hl-ent-norp{background:#ede9fe;box-shadow:inset 0 -2px #6d28d9}
.hl-ent-other{background:#e5e7eb;box-shadow:inset 0 -2px #4b5563}
.hl-date{background:#ffedd5;box-shadow:inset 0 -2px #c2410c}
.hl-date-duration,.hl-date-set{background:#fff7ed;box-shadow:inset 0 -2px #c2410c;outline:1px dashed #c2410c}
.hl-qty{background:#fef9c3;box-shadow:inset 0 -3px #a16207}
.hl-qty-percent{background:#ccfbf1;box-shadow:inset 0 -3px #0f766e}
.hl-qty-count,.hl-qty-measure,.hl-qty-ratio,.hl-qty-other{background:#cffafe;box-shadow:inset 0 -3px #0e7490}
.claim{border-bottom:2px dotted #6b7280}
.claim:hover,.claim:focus{background:#f3f4f6}
.boiler{color:#6b6b6b;font-style:italic}
.hl:target,.claim:target{outline:3px solid #dc2626;outline-offset:2px;background:#fef2f2}
/* the focused highlight's details in a bar pinned to the window's foot: never off-screen, even on a phone */
.hl:focus::after,.claim:focus::after{content:attr(title);position:fixed;left:.75rem;right:.75rem;bottom:.75rem;
  z-index:10;max-width:40rem;white-space:pre-line;background:#1f2328;color:#fff;font:13px/1.45 system-ui,sans-serif;
  font-style:normal;padding:.5em .75em;border-radius:6px;box-shadow:0 2px 8px rgba(0,0,0,.3);pointer-events:none}
.problems{background:#fef2f2;border-left:4px solid #dc2626;padding:.5rem 1rem}
footer{margin-top:3rem;padding-bottom:2rem;border-top:1px solid var(--line);font-size:.9rem}
@media (max-width:760px){
  body{font-size:15px}
  header,main,footer{padding:0 .75rem}
  .grid{grid-template-columns:1fr}
  table.cards thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.cards,table.cards caption,table.cards tbody,table.cards tr{display:block;width:100%}
  #claims-table{min-width:0}
  table.cards tr{border:1px solid var(--line);border-radius:6px;margin:0 0 .8rem;padding:.3rem}
  table.cards td,#claims-table td:first-child,#claims-table td:nth-child(4){display:block;width:auto;border:0;
    position:relative;padding:.2rem .3rem .2rem 6rem;min-height:1.6rem}
  table.cards td::before{content:attr(data-label);position:absolute;left:.3rem;width:5.4rem;font-size:.8rem;
    font-weight:600;color:var(--muted)}
  .doc-text{line-height:1.8}
}
"""
# small and dependency-free; without it the page still shows every claim (the filters stay hidden)
SCRIPT = """
(function () {
  var form = document.getElementById('claim-filters');
  if (!form) { return; }
  var rows = Array.prototype.slice.call(document.querySelectorAll('#claims-table tbody tr'));
  var status = document.getElementById('claim-count');
  function apply() {
    var entity = form.elements.entity.value, kind = form.elements.kind.value, doc = form.elements.doc.value;
    var shown = 0;
    rows.forEach(function (row) {
      var ok = (!entity || (' ' + row.getAttribute('data-entities') + ' ').indexOf(' ' + entity + ' ') >= 0)
        && (!kind || row.getAttribute('data-kind') === kind)
        && (!doc || row.getAttribute('data-doc') === doc);
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    status.textContent = shown + ' of ' + rows.length + ' claims shown';
  }
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  form.addEventListener('reset', function () { window.setTimeout(apply, 0); });
  form.hidden = false;
  apply();
})();
"""


def content_security_policy() -> str:
    """The page's CSP: no network at all, and only this module's own style and script may apply or run."""
    return (f"default-src 'none'; style-src {_script_hash(CSS)}; script-src {_script_hash(SCRIPT)}; "
            "img-src data:; base-uri 'none'; form-action 'none'")
