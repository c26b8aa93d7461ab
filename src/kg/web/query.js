// The query page of `kg serve`: YASGUI on the endpoint, one tab per bundled query.
// Served from 'self' (/assets/kg/query.js) so the page's Content-Security-Policy
// needs no inline script. Each tab's parameters are already bound to sample values
// (kg.serve.examples), so every tab answers as it is.
const examples = JSON.parse(document.getElementById("examples").textContent);
const endpoint = new URL("/sparql", window.location.href).href;

// Literals read as values: 1998-11-27 with a small "xsd:date" (the full datatype IRI as
// a tooltip), not "1998-11-27"^^<http://www.w3.org/2001/XMLSchema#date>.
const XSD = "http://www.w3.org/2001/XMLSchema#";
const RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";
function escapeHtml(text) {
  const map = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
  return String(text).replace(/[&<>"']/g, (c) => map[c]);
}
function readableLiteral(binding) {
  const value = escapeHtml(binding.value);
  const lang = binding["xml:lang"];
  const type = binding.datatype;
  if (lang) return `${value} <sup class="kg-tag">@${escapeHtml(lang)}</sup>`;
  if (!type || type === XSD + "string" || type === RDF_LANG_STRING) return value;
  const short = type.startsWith(XSD) ? "xsd:" + type.slice(XSD.length) : type.replace(/^.*[#/]/, "");
  return `<span title="${escapeHtml(type)}">${value}</span> <sup class="kg-tag" title="${escapeHtml(type)}">${escapeHtml(short)}</sup>`;
}
const table = Yasgui.Yasr.plugins.table;
if (table) table.prototype.formatLiteral = readableLiteral;

const yasgui = new Yasgui(document.getElementById("yasgui"), {
  requestConfig: { endpoint: endpoint, method: "POST" },
  copyEndpointOnNewTab: true, persistenceId: null, autoAddOnInit: examples.length === 0,
  populateFromUrl: false,
  endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
  yasqe: { autocompleters: ["prefixes", "variables"], persistenceId: null },
});
examples.forEach((q, i) => yasgui.addTab(i === 0, {
  name: q.title, yasqe: { value: q.text }, requestConfig: { endpoint: endpoint, method: "POST" },
}));
window.kgYasgui = yasgui;
