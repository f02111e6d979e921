/**
 * The page's only style sheet, inlined: system fonts (no web font to fetch), one column on
 * a phone and more as the width allows, light or dark as the reader's system prefers, and
 * a print style that keeps the charts' colours and keeps cards whole on paper.
 */
export const PAGE_CSS = `
:root {
  color-scheme: light dark;
  --bg: #f7f3ec; --fg: #1f1b16; --muted: #6a6158; --card: #ffffff; --line: #e8e0d4;
  --accent: #c2410c; --accent-soft: rgba(194, 65, 12, 0.16); --shadow: 0 1px 3px rgba(31, 27, 22, 0.08);
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #15130f; --fg: #f3ede4; --muted: #a99f92; --card: #211e19; --line: #37322b;
    --accent: #fb923c; --accent-soft: rgba(251, 146, 60, 0.2); --shadow: none;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg); line-height: 1.45;
  font: 16px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 1120px; margin: 0 auto; padding: 20px 16px 40px; }
h1, h2, h3 { line-height: 1.15; margin: 0 0 12px; }
h1 { font-size: clamp(2rem, 7vw, 3.6rem); letter-spacing: -0.02em; }
h2 { font-size: 1.25rem; }
p { margin: 0 0 10px; }
.muted { color: var(--muted); }
.name { overflow-wrap: anywhere; }
header.hero { padding: 24px 0 8px; }
.hero .period { color: var(--muted); margin-bottom: 16px; }
.headline { font-size: clamp(1.3rem, 4.5vw, 2rem); font-weight: 700; margin: 8px 0 20px; overflow-wrap: anywhere; }
.headline .accent { color: var(--accent); }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); gap: 12px; margin: 0 0 20px; padding: 0; list-style: none; }
.figure { background: var(--card); border-radius: 14px; padding: 14px 16px; box-shadow: var(--shadow); }
.figure b { display: block; font-size: 1.7rem; line-height: 1.1; color: var(--accent); font-variant-numeric: tabular-nums; }
.figure span { color: var(--muted); font-size: 0.92rem; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 340px), 1fr)); gap: 16px; }
.card { background: var(--card); border-radius: 16px; padding: 18px; box-shadow: var(--shadow); margin-bottom: 16px; min-width: 0; }
.cards .card { margin-bottom: 0; }
.wide { margin-top: 16px; }
ol.ranked { list-style: none; margin: 0; padding: 0; }
ol.ranked li { display: grid; grid-template-columns: 1.8em 1fr auto; gap: 2px 8px; align-items: baseline; padding: 6px 0; border-bottom: 1px solid var(--line); }
ol.ranked li:last-child { border-bottom: none; }
ol.ranked .rank { color: var(--muted); font-variant-numeric: tabular-nums; }
ol.ranked .plays { color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
ol.ranked .by { display: block; color: var(--muted); font-size: 0.9rem; }
ol.ranked svg.bar { grid-column: 2 / 4; }
svg.bar { display: block; width: 100%; height: 6px; border-radius: 3px; }
.bar-track { fill: var(--line); }
.bar-fill { fill: var(--accent); }
.albums { display: grid; grid-template-columns: repeat(auto-fill, minmax(140px, 1fr)); gap: 14px; margin: 0; padding: 0; list-style: none; }
.albums li { min-width: 0; }
.albums .title { font-weight: 600; overflow-wrap: anywhere; }
.cover { display: block; width: 100%; aspect-ratio: 1 / 1; object-fit: cover; border-radius: 10px; background: var(--line); margin-bottom: 6px; }
.cover-none { display: flex; align-items: center; justify-content: center; font-size: 2.2rem; font-weight: 700; color: var(--accent); background: var(--accent-soft); }
.spotlight { display: grid; grid-template-columns: minmax(90px, 160px) 1fr; gap: 16px; align-items: center; }
.spotlight .title { font-size: 1.3rem; font-weight: 700; overflow-wrap: anywhere; }
/* SVG text scales with the chart: wide enough to read on a phone, capped so it stays calm on a desktop. */
svg.curve, svg.heat { display: block; width: 100%; height: auto; margin: 0 auto; }
svg.curve { max-width: 640px; }
svg.heat { max-width: 720px; }
.axis { stroke: var(--line); stroke-width: 2; }
.curve-area { fill: var(--accent-soft); }
.curve-line { fill: none; stroke: var(--accent); stroke-width: 3; stroke-linejoin: round; }
.curve-dot { fill: var(--accent); }
.curve-label { fill: var(--muted); font-size: 14px; }
.heat-ruler, .heat-label { fill: var(--muted); font-size: 17px; }
.curve-peak { fill: var(--fg); font-size: 15px; font-weight: 700; }
.heat .h0 { fill: var(--line); }
.heat .h1, .heat .h2, .heat .h3, .heat .h4 { fill: var(--accent); }
.heat .h1 { fill-opacity: 0.25; } .heat .h2 { fill-opacity: 0.5; } .heat .h3 { fill-opacity: 0.75; }
.legend { display: flex; justify-content: center; flex-wrap: wrap; gap: 6px 14px; font-size: 0.85rem; color: var(--muted); margin-top: 8px; }
.legend i { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 4px; vertical-align: -1px; background: var(--accent); }
.legend .l0 { background: var(--line); } .legend .l1 { opacity: 0.25; } .legend .l2 { opacity: 0.5; } .legend .l3 { opacity: 0.75; }
.split { display: flex; height: 14px; border-radius: 7px; overflow: hidden; background: var(--line); margin: 8px 0; }
.split .spins { background: var(--accent); }
.paragraph { font-size: 1.1rem; font-style: italic; }
.empty { text-align: center; padding: 40px 18px; }
footer { color: var(--muted); font-size: 0.85rem; margin-top: 24px; text-align: center; }
@media (max-width: 480px) {
  main { padding: 12px 12px 32px; }
  .card { padding: 14px; }
  .albums { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 10px; }
  .figure b { font-size: 1.4rem; }
}
@media print {
  :root { --bg: #ffffff; --fg: #000000; --muted: #444444; --card: #ffffff; --line: #dddddd; --accent: #c2410c; --shadow: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card, .figure { border: 1px solid var(--line); break-inside: avoid; page-break-inside: avoid; }
  @page { margin: 12mm; }
}
`;
