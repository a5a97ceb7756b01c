// The supervision board's chart: on-time rate and overdue items per unit, from the table's own data.
(function () {
	var holder = document.getElementById('board-chart');
	if (!holder || typeof echarts === 'undefined') {
		return;
	}
	var rows = Array.prototype.slice.call(document.querySelectorAll('#board-units tbody tr'));
	if (rows.length === 0) {
		holder.hidden = true;
		return;
	}
	var names = rows.map(function (row) { return row.dataset.unit; });
	var onTime = rows.map(function (row) { return row.dataset.onTime === '' ? null : Number(row.dataset.onTime); });
	var overdue = rows.map(function (row) { return Number(row.dataset.overdue); });
	var chart = echarts.init(holder, null, { renderer: 'svg' });
	chart.setOption({
		animation: false,
		textStyle: { fontFamily: window.getComputedStyle(document.body).fontFamily },
		grid: { left: 28, right: 12, top: 40, bottom: 8, containLabel: true },
		legend: { top: 0, type: 'scroll', itemGap: 24, data: [holder.dataset.onTimeLabel, holder.dataset.overdueLabel] },
		tooltip: { trigger: 'axis' },
		xAxis: { type: 'value', max: function (value) { return Math.max(100, value.max); } },
		yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 84, overflow: 'break' } },
		series: [
			{ name: holder.dataset.onTimeLabel, type: 'bar', data: onTime, itemStyle: { color: '#2f7d4f' } },
			{ name: holder.dataset.overdueLabel, type: 'bar', data: overdue, itemStyle: { color: '#b3261e' } }
		]
	});
	window.addEventListener('resize', function () { chart.resize(); });
})();
