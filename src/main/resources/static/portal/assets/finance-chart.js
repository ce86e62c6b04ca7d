/*
 * «Финансы»: draws the charges by month (ADR 0048) with Chart.js from the figures the page carries in
 * #finance-chart's data-chart attribute — the same figures as the table under it, which stays the page's
 * accessible alternative. No inline script: the Content-Security-Policy allows scripts from this server only.
 */
(function () {
  'use strict';
  var holder = document.getElementById('finance-chart');
  if (!holder || typeof window.Chart === 'undefined') {
    return; // no chart library: the table says it all
  }
  var data = JSON.parse(holder.getAttribute('data-chart'));
  if (!data.series.length) {
    return;
  }
  var rubles = new Intl.NumberFormat('ru-RU', { style: 'currency', currency: 'RUB' });
  // distinguishable colors, AA against white for the legend's swatches
  var palette = ['#a3162a', '#0a58ca', '#1a7f37', '#8250df', '#bc4c00', '#0f766e', '#6e7781', '#b0226e', '#4d2d00'];
  holder.hidden = false;
  new window.Chart(document.getElementById('finance-chart-canvas'), {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.series.map(function (series, i) {
        return { label: series.label, data: series.amounts.map(Number), backgroundColor: palette[i % palette.length] };
      })
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      locale: 'ru-RU',
      animation: false,
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, ticks: { callback: function (value) { return rubles.format(value); } } }
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: { callbacks: { label: function (item) { return item.dataset.label + ': ' + rubles.format(item.parsed.y); } } }
      }
    }
  });
}());
