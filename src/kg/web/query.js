// The query page of `kg serve`: YASGUI on the endpoint, one tab per bundled query.
// Served from 'self' (/assets/kg/query.js) so the page's Content-Security-Policy
// needs no inline script.
const examples = JSON.parse(document.getElementById("examples").textContent);
const endpoint = new URL("/sparql", window.location.href).href;
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
