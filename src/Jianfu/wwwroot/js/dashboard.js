// Draws the green channel's dashboard with Chart.js from the figures the page embeds.
(function () {
  const source = document.getElementById('dashboard-data');
  if (!source || !window.Chart) return;
  const data = JSON.parse(source.textContent);
  const color = '#b42318';
  const bar = (id, rows, horizontal) => new Chart(document.getElementById(id), {
    type: 'bar',
    data: { labels: rows.map(r => r.Label), datasets: [{ data: rows.map(r => r.Value), backgroundColor: color }] },
    options: { maintainAspectRatio: false, indexAxis: horizontal ? 'y' : 'x', plugins: { legend: { display: false } }, scales: { x: { ticks: { precision: 0 } }, y: { ticks: { precision: 0 } } }, animation: false },
  });
  bar('by-category', data.byCategory, true);
  bar('by-body', data.byBody, true);
  new Chart(document.getElementById('by-month'), {
    type: 'line',
    data: { labels: data.byMonth.map(r => r.Label), datasets: [{ data: data.byMonth.map(r => r.Value), borderColor: color, backgroundColor: color }] },
    options: { maintainAspectRatio: false, plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, animation: false },
  });
})();
