"""One self-contained, offline HTML page to explore a claim–source graph.

The page has no external resources (no CDN, no fonts, no network): the graph data
sits in a ``<script type="application/json">`` block, a small inline script draws it
as SVG in four columns (outlets, articles, claims, sources, right to left as Arabic
reads), a menu filters it by outlet, and clicking a claim lists every report of it
— outlet, cue, source, relays — with the sentence it was said in. A plain list of
every node and claim follows for reading without JavaScript.

All text is escaped: labels go into the page through ``html.escape`` and into the
data block with ``<``, ``>``, ``&`` and the JavaScript line separators written as
``\\uXXXX``; the script inserts text only with ``textContent``.

Examples:
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("claim:c1", kind="claim", label="<b>قتل 70</b>", text="<b>قتل 70</b>")
    >>> page = to_html(g)
    >>> "&lt;b&gt;قتل 70&lt;/b&gt;" in page and "<b>قتل" not in page
    True
"""

from __future__ import annotations

import html
import json
from typing import Any

import networkx as nx

__all__ = ["to_html"]


def _json_for_script(data: Any) -> str:
    s = json.dumps(data, ensure_ascii=False)
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _data(graph: nx.MultiDiGraph) -> dict[str, Any]:
    nodes = []
    for n, d in graph.nodes(data=True):
        nodes.append({"id": str(n), **{k: v for k, v in d.items()
                                       if isinstance(v, (str, int, float, bool))}})
    edges = []
    for u, v, d in graph.edges(data=True):
        edges.append({"s": str(u), "t": str(v), **{k: x for k, x in d.items()
                                                   if isinstance(x, (str, int, float, bool))}})
    return {"nodes": nodes, "edges": edges}


_CSS = """
body{font-family:"Noto Naskh Arabic","Segoe UI",Tahoma,sans-serif;margin:0;color:#222}
header{padding:.6em 1em;background:#2b3a55;color:#fff;display:flex;gap:1em;align-items:center;flex-wrap:wrap}
header h1{font-size:1.1em;margin:0}
main{display:flex;gap:0}
#view{flex:3;overflow:auto;border-left:1px solid #ccc}
#panel{flex:2;padding:0 1em;max-height:90vh;overflow:auto}
svg text{font-size:12px}
.node{cursor:default}.claim{cursor:pointer}
.node rect{stroke:#666;stroke-width:.6}
.publisher rect{fill:#f4d35e}.article rect{fill:#eee}.source rect{fill:#9ad1d4}.claim rect{fill:#fbe3d6}
.claim.flagged rect{stroke:#c0392b;stroke-width:2}
.selected rect{stroke:#000;stroke-width:2.5}
line{stroke:#aaa;stroke-width:.8}line.relayed_by{stroke:#d62728;stroke-dasharray:4 3}
line.said_by{stroke:#1f77b4}
.report{border-bottom:1px solid #ddd;padding:.4em 0}
.report .sentence{background:#fafafa;padding:.3em;border-right:3px solid #2b3a55}
.flag{display:inline-block;background:#c0392b;color:#fff;border-radius:3px;padding:0 .4em;margin:0 .2em;font-size:.85em}
#static{padding:1em;border-top:1px solid #ccc}
"""

_JS = r"""
(function(){
var data=JSON.parse(document.getElementById('graph-data').textContent);
var byId={};data.nodes.forEach(function(n){byId[n.id]=n;});
var out={},inn={};data.edges.forEach(function(e){(out[e.s]=out[e.s]||[]).push(e);(inn[e.t]=inn[e.t]||[]).push(e);});
var sel=document.getElementById('outlet'),svg=document.getElementById('svg'),panel=document.getElementById('details');
var NS='http://www.w3.org/2000/svg',COLS={publisher:3,article:2,claim:1,source:0},W=230,H=26;
data.nodes.filter(function(n){return n.kind==='publisher';}).forEach(function(n){
  var o=document.createElement('option');o.value=n.id;o.textContent=n.label;sel.appendChild(o);});
function visible(){
  var p=sel.value,keep={};
  if(!p){data.nodes.forEach(function(n){keep[n.id]=1;});return keep;}
  keep[p]=1;(out[p]||[]).forEach(function(e){keep[e.t]=1;(out[e.t]||[]).forEach(function(r){
    if(r.kind!=='reports')return;keep[r.t]=1;
    (out[r.t]||[]).forEach(function(s){if(s.article===e.t){keep[s.t]=1;}});});});
  data.edges.forEach(function(e){if(e.kind==='relayed_by'&&keep[e.claim]&&keep[e.s])keep[e.t]=1;});
  return keep;}
function el(tag,attrs,parent){var x=document.createElementNS(NS,tag);for(var k in attrs)x.setAttribute(k,attrs[k]);if(parent)parent.appendChild(x);return x;}
function draw(){
  while(svg.firstChild)svg.removeChild(svg.firstChild);
  var keep=visible(),rows=[0,0,0,0],pos={};
  data.nodes.forEach(function(n){if(!keep[n.id])return;var c=COLS[n.kind];if(c===undefined)return;
    pos[n.id]=[10+c*(W+40),10+rows[c]*(H+8)];rows[c]++;});
  var h=Math.max.apply(null,rows)*(H+8)+20;svg.setAttribute('height',h);svg.setAttribute('width',4*(W+40)+20);
  var gl=el('g',{},svg);
  data.edges.forEach(function(e){var a=pos[e.s],b=pos[e.t];if(!a||!b)return;
    if(e.kind==='relayed_by'&&!keep[e.claim])return;
    el('line',{x1:a[0]+(a[0]>b[0]?0:W),y1:a[1]+H/2,x2:b[0]+(a[0]>b[0]?W:0),y2:b[1]+H/2,'class':e.kind},gl);});
  data.nodes.forEach(function(n){var p=pos[n.id];if(!p)return;
    var cls='node '+n.kind+(n.kind==='claim'&&/numbers|denial|sources/.test(n.flags||'')?' flagged':'');
    var g=el('g',{'class':cls,transform:'translate('+p[0]+','+p[1]+')'},svg);
    el('rect',{width:W,height:H,rx:5},g);
    var t=el('text',{x:W-6,y:H/2+4,'text-anchor':'end',direction:'rtl'},g);
    var lab=String(n.label||n.id);t.textContent=lab.length>34?lab.slice(0,33)+'…':lab;
    var tip=el('title',{},g);tip.textContent=n.text||n.label||n.id;
    if(n.kind==='claim'){g.addEventListener('click',function(){show(n.id);});}});}
function add(parent,tag,text,cls){var x=document.createElement(tag);if(text!==undefined)x.textContent=text;if(cls)x.className=cls;parent.appendChild(x);return x;}
function show(id){
  var n=byId[id];panel.textContent='';
  add(panel,'h2',n.text||n.label);
  var f=add(panel,'p');(n.flags||'').split(' ').filter(Boolean).forEach(function(x){add(f,'span',x,'flag');});
  (inn[id]||[]).filter(function(e){return e.kind==='reports';}).forEach(function(e){
    var art=byId[e.s]||{},r=add(panel,'div',undefined,'report');
    var said=(out[id]||[]).filter(function(s){return s.kind==='said_by'&&s.article===e.s;});
    var who=said.map(function(s){return (byId[s.t]||{}).label;}).join('، ')||'—';
    var relays=data.edges.filter(function(x){return x.kind==='relayed_by'&&x.claim===id&&x.article===e.s;})
      .map(function(x){return (byId[x.t]||{}).label;});
    add(r,'div',(art.publisher||'')+' — '+(art.label||''));
    add(r,'div',e.cue+' ← '+who+(relays.length?' ← '+relays.join(' ← '):''));
    add(r,'div',e.sentence||'','sentence');});
}
sel.addEventListener('change',draw);draw();
})();
"""


def _static_list(graph: nx.MultiDiGraph) -> str:
    esc = html.escape
    rows = []
    for kind, title in (("publisher", "المنافذ"), ("source", "المصادر"), ("claim", "الادعاءات"),
                        ("article", "المقالات")):
        items = [(n, d) for n, d in graph.nodes(data=True) if d.get("kind") == kind]
        if not items:
            continue
        rows.append(f'<h3>{esc(title)} ({len(items)})</h3><ul class="nodes {kind}">')
        for n, d in items:
            extra = ""
            if kind == "claim":
                reports = [e for _, _, e in graph.in_edges(n, data=True) if e.get("kind") == "reports"]
                extra = "".join(f'<div class="sentence">{esc(str(e.get("sentence", "")))}</div>'
                                for e in reports)
                if d.get("flags"):
                    extra = f' <span class="flag">{esc(str(d["flags"]))}</span>' + extra
            rows.append(f'<li data-id="{esc(str(n))}" data-kind="{esc(kind)}">'
                        f'<span class="label">{esc(str(d.get("label", n)))}</span>{extra}</li>')
        rows.append("</ul>")
    return "\n".join(rows)


def to_html(graph: nx.MultiDiGraph, *, title: str = "claimtrack: من قال ماذا") -> str:
    """The graph as one offline HTML page (inline CSS, JavaScript and SVG).

    Args:
        graph: a graph from :func:`~claimtrack.graph.build.build_graph` (any
            ``MultiDiGraph`` with ``kind`` and ``label`` node attributes works).
        title: the page title.
    """
    esc = html.escape
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="ar" dir="rtl"><head><meta charset="utf-8">\n<title>{esc(title)}</title>\n'
        f"<style>{_CSS}</style></head>\n<body>\n"
        f"<header><h1>{esc(title)}</h1>"
        f'<label>المنفذ: <select id="outlet"><option value="">الكل</option></select></label>'
        f"<span>{graph.number_of_nodes()} عقدة، {graph.number_of_edges()} وصلة</span></header>\n"
        '<main><div id="view"><svg id="svg" xmlns="http://www.w3.org/2000/svg" '
        'width="100" height="100"></svg></div>\n'
        '<div id="panel"><div id="details"><p>انقر على ادعاء لقراءته في جملته.</p></div></div></main>\n'
        f'<section id="static">{_static_list(graph)}</section>\n'
        f'<script type="application/json" id="graph-data">{_json_for_script(_data(graph))}</script>\n'
        f"<script>{_JS}</script>\n</body></html>\n"
    )
