// Draws the indicator sets' year-over-year comparison with Chart.js from the figures the page embeds.
(function () {
  const source = document.getElementById('comparison-data');
  if (!source || !window.Chart) return;
  const data = JSON.parse(source.textContent);
  if (!data.labels) return;
  new Chart(document.getElementById('by-category'), {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [
        { label: data.previousYear, data: data.previous, backgroundColor: '#98a2b3' },
        { label: data.currentYear, data: data.current, backgroundColor: '#b42318' },
      ],
    },
    options: { maintainAspectRatio: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, animation: false },
  });
})();
