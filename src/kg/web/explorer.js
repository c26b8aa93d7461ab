// The explorer's behaviour: labels, search, class and year filters, details on click.
// Reads the graph from the #kg-data element; uses the inlined vis-network (global `vis`).
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const colour = new Map(data.classes.map((c) => [c.name, c.colour]));
  const state = { lang: "ko", year: null, hiddenClasses: new Set(), selected: null, region: "", agency: "" };
  const agencyOf = new Map(data.agencies.map((a) => [a.id, a]));
  const big = { Agency: 40, Unit: 24, "Government body": 22, Program: 18 };
  const fontSize = { Agency: 40, Unit: 26, "Government body": 26, Program: 22, Event: 20, Concept: 18 };
  const core = new Set(["Agency", "Unit", "Government body", "Program"]);

  const label = (n, lang) => (lang === "en" ? n.label_en || n.label_ko : n.label_ko || n.label_en);
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  function visNode(n) {
    return {
      id: n.id, x: n.x, y: n.y, label: label(n, state.lang), shape: "dot",
      size: big[n.cls] || 10, color: colour.get(n.cls),
      font: { size: fontSize[n.cls] || 20, face: "Noto Sans CJK KR, sans-serif", strokeWidth: 4, strokeColor: "#ffffff" },
      widthConstraint: { maximum: n.cls === "Event" ? 150 : n.cls === "Agency" ? 400 : 260 },
    };
  }
  function visEdge(e) {
    const names = e.relations.map((r) => r.property).join(", ");
    return { id: e.id, from: e.from, to: e.to, title: names, color: { color: "#bbbbbb", highlight: "#333333" }, width: 1 };
  }

  const nodes = new vis.DataSet(data.nodes.map(visNode));
  const edges = new vis.DataSet(data.edges.map(visEdge));
  const network = new vis.Network(document.getElementById("graph"), { nodes, edges }, {
    physics: false, layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 150 }, edges: { smooth: false },
  });

  // --- counts, filters -----------------------------------------------------
  document.getElementById("node-count").textContent = data.nodes.length;
  document.getElementById("edge-count").textContent = data.edges.length;
  // A node of an agency shows when that agency is chosen (or its region); a node of no
  // one agency (a ministry, a region) shows when it is linked to a shown agency's node.
  function ownerShown(id) {
    const a = agencyOf.get(id);
    if (!a) return false;
    return (!state.agency || state.agency === id) && (!state.region || state.region === a.region);
  }
  const sharedNear = new Map();
  for (const e of data.edges) {
    for (const [one, other] of [[e.from, e.to], [e.to, e.from]]) {
      const owner = byId.get(other).agency;
      if (!byId.get(one).agency && owner) {
        if (!sharedNear.has(one)) sharedNear.set(one, new Set());
        sharedNear.get(one).add(owner);
      }
    }
  }
  function whereShown(n) {
    if (!state.region && !state.agency) return true;
    if (n.agency) return ownerShown(n.agency);
    return [...(sharedNear.get(n.id) || [])].some(ownerShown);
  }
  function visible(n) {
    if (state.hiddenClasses.has(n.cls) || !whereShown(n)) return false;
    return !(n.year && state.year !== null && n.year > state.year);
  }
  function applyFilters() {
    const updates = data.nodes.map((n) => ({ id: n.id, hidden: !visible(n) }));
    nodes.update(updates);
    document.getElementById("shown-count").textContent = updates.filter((u) => !u.hidden).length;
  }

  const years = data.nodes.map((n) => n.year).filter((y) => y);
  const slider = document.getElementById("year");
  slider.min = Math.min(...years);
  slider.max = Math.max(...years);
  slider.value = slider.max;
  state.year = Number(slider.value);
  document.getElementById("year-value").textContent = slider.value;
  slider.addEventListener("input", () => {
    state.year = Number(slider.value);
    document.getElementById("year-value").textContent = slider.value;
    applyFilters();
  });

  const legend = document.getElementById("legend");
  for (const c of data.classes) {
    const count = data.nodes.filter((n) => n.cls === c.name).length;
    const li = document.createElement("li");
    li.innerHTML = `<label><input type="checkbox" checked data-class="${esc(c.name)}"> <span class="swatch" style="background:${c.colour}"></span>${esc(c.name)} (${count})</label>`;
    legend.appendChild(li);
  }
  legend.addEventListener("change", (ev) => {
    const name = ev.target.dataset.class;
    if (ev.target.checked) state.hiddenClasses.delete(name);
    else state.hiddenClasses.add(name);
    applyFilters();
  });

  // --- region and agency ------------------------------------------------------
  const regionBox = document.getElementById("region");
  const agencyBox = document.getElementById("agency");
  const regionNames = new Map();
  for (const a of data.agencies) if (a.region) regionNames.set(a.region, `${a.region_ko} ${a.region_en}`);
  for (const [slug, name] of regionNames) regionBox.add(new Option(name, slug));
  function fillAgencies() {
    agencyBox.length = 1;
    for (const a of data.agencies) {
      if (!state.region || a.region === state.region) agencyBox.add(new Option(`${a.label_ko} (${a.region_ko || "?"})`, a.id));
    }
    agencyBox.value = state.agency;
  }
  function where(region, agency) {
    state.region = region;
    state.agency = agency && (!region || agencyOf.get(agency).region === region) ? agency : "";
    regionBox.value = state.region;
    fillAgencies();
    for (const p of document.querySelectorAll("#map path")) p.classList.toggle("on", p.dataset.region === state.region);
    applyFilters();
    const shown = data.nodes.filter((n) => visible(n) && (n.agency || agencyOf.has(n.id))).map((n) => n.id);
    if (state.region || state.agency) network.fit({ nodes: shown, animation: false });
  }
  regionBox.addEventListener("change", () => where(regionBox.value, ""));
  agencyBox.addEventListener("change", () => where(state.region, agencyBox.value));
  document.getElementById("map").addEventListener("click", (ev) => {
    const link = ev.target.closest("[data-region]");
    if (!link) return;
    ev.preventDefault();
    where(link.dataset.region === state.region ? "" : link.dataset.region, "");
  });
  fillAgencies();

  // --- language ------------------------------------------------------------
  for (const radio of document.querySelectorAll("input[name=lang]")) {
    radio.addEventListener("change", () => {
      state.lang = radio.value;
      nodes.update(data.nodes.map((n) => ({ id: n.id, label: label(n, state.lang) })));
      if (state.selected) showDetails(state.selected);
    });
  }

  // --- search --------------------------------------------------------------
  // n.search: each name folded, romanized and as initial consonants (kg.sparql.hangul),
  // so that 정보문화, jeonju and ㅈㅈㅈㅂ all find 전주정보문화산업진흥원, as kg serve's /search.
  function search(text) {
    const q = text.normalize("NFC").toLowerCase().replace(/\s+/g, "");
    if (!q) return [];
    const rank = new Map(data.classes.map((c, i) => [c.name, i]));
    return data.nodes
      .filter((n) => n.search.some((key) => key.includes(q)))
      .sort((a, b) => rank.get(a.cls) - rank.get(b.cls) || a.label_en.localeCompare(b.label_en));
  }
  const results = document.getElementById("results");
  document.getElementById("search").addEventListener("input", (ev) => {
    const found = search(ev.target.value);
    results.innerHTML = "";
    for (const n of found.slice(0, 30)) {
      const li = document.createElement("li");
      li.dataset.id = n.id;
      li.textContent = `${n.label_ko} — ${n.label_en} (${n.cls})`;
      li.addEventListener("click", () => select(n.id));
      results.appendChild(li);
    }
    network.selectNodes(found.filter(visible).map((n) => n.id));
  });

  // --- details ---------------------------------------------------------------
  function quoteHtml(q) {
    return `<blockquote>…${esc(q.prefix)}<mark>${esc(q.exact)}</mark>${esc(q.suffix)}…<br><small>characters ${q.start}–${q.end}</small></blockquote>`;
  }
  function neighbours(id) {
    const out = [];
    for (const e of data.edges) {
      if (e.from !== id && e.to !== id) continue;
      const other = e.from === id ? e.to : e.from;
      const rels = e.relations.map((r) => (r.from === id ? `${r.property} →` : `← ${r.property}`));
      out.push({ node: byId.get(other), rels });
    }
    return out.sort((a, b) => (a.node.cls + label(a.node, "en")).localeCompare(b.node.cls + label(b.node, "en")));
  }
  function showDetails(id) {
    const n = byId.get(id);
    const rows = [["class", n.cls], ["types", n.types.join(", ")]];
    for (const [p, v] of Object.entries(n.dates)) rows.push([p, v]);
    for (const [p, vs] of Object.entries(n.literals)) rows.push([p, vs.join("<br>")]);
    const near = neighbours(id);
    const history = near.filter((x) => x.node.cls === "Event");
    let html = `<h3>${esc(label(n, state.lang))}</h3><p class="muted">${esc(label(n, state.lang === "ko" ? "en" : "ko"))}</p>`;
    html += `<p class="iri">${esc(n.id)}</p><table>`;
    html += rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${k === "types" ? esc(v) : v.split("<br>").map(esc).join("<br>")}</td></tr>`).join("");
    html += `</table><h2>Evidence in the article (${n.evidence.length})</h2>`;
    html += n.evidence.map(quoteHtml).join("") || "<p class='muted'>No quote: an editorial addition.</p>";
    if (history.length) {
      html += "<h2>History</h2>";
      for (const h of history) {
        const date = Object.values(h.node.dates)[0] || "";
        html += `<p><b>${esc(date)}</b> <span class="link" data-id="${esc(h.node.id)}">${esc(label(h.node, state.lang))}</span></p>`;
        html += h.node.evidence.slice(0, 1).map(quoteHtml).join("");
      }
    }
    html += `<h2>Neighbours (${near.length})</h2><ul>`;
    html += near.map((x) => `<li><span class="link" data-id="${esc(x.node.id)}">${esc(label(x.node, state.lang))}</span> <small>${esc(x.rels.join(", "))}</small></li>`).join("");
    html += "</ul>";
    const box = document.getElementById("details");
    box.innerHTML = html;
    box.dataset.id = id;
  }
  document.getElementById("details").addEventListener("click", (ev) => {
    if (ev.target.dataset && ev.target.dataset.id) select(ev.target.dataset.id);
  });
  function select(id) {
    state.selected = id;
    network.selectNodes([id]);
    network.focus(id, { scale: 1.0, animation: false });
    showDetails(id);
  }
  network.on("click", (params) => {
    if (params.nodes.length) select(params.nodes[0]);
  });

  applyFilters();
  // First sight: the agency, its units, the government bodies and the programs (with
  // many agencies: every hub).
  const first = data.agencies.length > 1 ? data.nodes.filter((n) => n.cls === "Agency") : data.nodes.filter((n) => core.has(n.cls));
  network.fit({ nodes: first.map((n) => n.id), animation: false });
  // For tests and the curious: the network, and a way to find a node on the screen.
  window.kgExplorer = {
    network, data, select, where,
    domPosition: (id) => network.canvasToDOM(network.getPosition(id)),
  };
})();
