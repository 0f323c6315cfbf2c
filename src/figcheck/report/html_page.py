"""The fixed parts of the HTML report (report/html.py): its style and script, inline so the page needs nothing else."""

STYLE = """
:root { --pass: #1a7f37; --fail: #cf222e; --grey: #6e7781; --warn: #9a6700; --info: #0969da; }
body { font: 16px/1.8 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
       margin: 0 auto; max-width: 64rem; padding: 1rem 1.5rem 6rem; color: #1f2328; }
h1 { font-size: 1.5rem; margin-bottom: .25rem; } h2 { font-size: 1.2rem; border-bottom: 1px solid #d0d7de; }
.summary { color: #57606a; }
table { border-collapse: collapse; margin: .75rem 0; }
td, th { border: 1px solid #d0d7de; padding: .15rem .5rem; vertical-align: top; }
table.rules td:nth-child(4), table.grid td { text-align: right; }
table.grid td:first-child { text-align: left; }
.findings { padding-left: 1.2rem; }
.findings li { margin: .35rem 0; }
.findings a.goto { font-family: ui-monospace, monospace; font-weight: 600; text-decoration: none; }
.error a.goto { color: var(--fail); } .warning a.goto { color: var(--warn); } .info a.goto { color: var(--info); }
.arith { display: block; font-family: ui-monospace, monospace; font-size: .9rem; color: #57606a; }
.advice { display: block; font-style: italic; font-size: .9rem; }
.where { color: #57606a; font-size: .85rem; }
.notice { color: var(--warn); }
.doc { border-top: 1px solid #d0d7de; margin-top: 1rem; }
.doc p { margin: .4rem 0; }
mark { background: none; border-bottom: 2px dotted #afb8c1; padding: 0 1px; }
mark.pass { border-bottom: 2px solid var(--pass); color: var(--pass); }
mark.fail { border-bottom: 2px solid var(--fail); color: var(--fail); font-weight: 600; }
mark.unverifiable { border-bottom: 2px dashed var(--grey); color: var(--grey); }
mark.current { background: #fff8c5; outline: 2px solid #d4a72c; }
.legend mark { margin-right: .75rem; }
"""

SCRIPT = """
document.addEventListener('click', function (event) {
  var link = event.target.closest('a.goto');
  if (!link) return;
  var target = document.getElementById(link.getAttribute('href').slice(1));
  if (!target) return;
  event.preventDefault();
  document.querySelectorAll('mark.current').forEach(function (m) { m.classList.remove('current'); });
  target.classList.add('current');
  target.scrollIntoView({block: 'center'});
  history.replaceState(null, '', '#' + target.id);
});
"""
