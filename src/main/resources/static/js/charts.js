// Draws each dashboard chart from the table next to it: the first column labels the bars, and each
// column named in the canvas's data-series (or else every other column but a "Total") is one
// series. The table stays the source of the numbers.
(function () {
  if (typeof Chart === 'undefined') { return; }
  document.querySelectorAll('canvas[data-chart-for]').forEach(function (canvas) {
    const table = document.getElementById(canvas.dataset.chartFor);
    if (!table || table.tBodies[0].rows.length === 0) { canvas.hidden = true; return; }
    const headers = Array.from(table.tHead.rows[0].cells).map(function (c) { return c.textContent; });
    const rows = Array.from(table.tBodies[0].rows).map(function (r) {
      return Array.from(r.cells).map(function (c) { return c.textContent; });
    });
    const wanted = canvas.dataset.series ? canvas.dataset.series.split('|') : null;
    const series = [];
    for (let i = 1; i < headers.length; i++) {
      if (wanted ? wanted.indexOf(headers[i]) < 0 : headers[i] === 'Total') { continue; }
      series.push({ label: headers[i], data: rows.map(function (r) { return r[i] === '' ? null : Number(r[i]); }) });
    }
    new Chart(canvas, {
      type: 'bar',
      data: { labels: rows.map(function (r) { return r[0]; }), datasets: series },
      options: { animation: false, responsive: true, scales: { x: { stacked: !wanted && series.length > 1 }, y: { stacked: !wanted && series.length > 1, beginAtZero: true } } }
    });
  });
})();
