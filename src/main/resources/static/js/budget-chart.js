// Money spent per scheme and month, stacked, from the table's own data.
(function () {
	var holder = document.getElementById('budget-chart');
	if (!holder || typeof echarts === 'undefined') {
		return;
	}
	var rows = Array.prototype.slice.call(document.querySelectorAll('#budget-months tbody tr'));
	if (rows.length === 0) {
		holder.hidden = true;
		return;
	}
	var months = Array.prototype.slice.call(document.querySelectorAll('#budget-months thead th[data-month]'))
		.map(function (cell) { return cell.textContent; });
	var chart = echarts.init(holder, null, { renderer: 'svg' });
	chart.setOption({
		animation: false,
		color: ['#2f6fb3', '#2f7d4f', '#b36a2f', '#6a4fb3'],
		textStyle: { fontFamily: window.getComputedStyle(document.body).fontFamily },
		grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
		legend: { top: 0, type: 'scroll' },
		tooltip: { trigger: 'axis' },
		xAxis: { type: 'category', data: months },
		yAxis: { type: 'value' },
		series: rows.map(function (row) {
			return { name: row.dataset.scheme, type: 'bar', stack: 'spent',
				data: Array.prototype.slice.call(row.querySelectorAll('td[data-spent]'))
					.map(function (cell) { return Number(cell.dataset.spent); }) };
		})
	});
	window.addEventListener('resize', function () { chart.resize(); });
})();
