// The public fund's income and grants per month, from the table's own data.
(function () {
	var holder = document.getElementById('fund-chart');
	if (!holder || typeof echarts === 'undefined') {
		return;
	}
	var rows = Array.prototype.slice.call(document.querySelectorAll('#fund-months tbody tr'));
	if (rows.length === 0) {
		holder.hidden = true;
		return;
	}
	var chart = echarts.init(holder, null, { renderer: 'svg' });
	chart.setOption({
		animation: false,
		textStyle: { fontFamily: window.getComputedStyle(document.body).fontFamily },
		grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
		legend: { top: 0, type: 'scroll', data: [holder.dataset.incomeLabel, holder.dataset.grantsLabel] },
		tooltip: { trigger: 'axis' },
		xAxis: { type: 'category', data: rows.map(function (row) { return row.dataset.month; }) },
		yAxis: { type: 'value' },
		series: [
			{ name: holder.dataset.incomeLabel, type: 'bar', itemStyle: { color: '#2f7d4f' },
				data: rows.map(function (row) { return Number(row.dataset.income); }) },
			{ name: holder.dataset.grantsLabel, type: 'bar', itemStyle: { color: '#b36a2f' },
				data: rows.map(function (row) { return Number(row.dataset.grants); }) }
		]
	});
	window.addEventListener('resize', function () { chart.resize(); });
})();
