// The dashboard's charts, drawn from its own tables' data so the page reads the same without scripts.
(function () {
	if (typeof echarts === 'undefined') {
		return;
	}
	function rows(table) {
		return Array.prototype.slice.call(document.querySelectorAll('#' + table + ' tbody tr[data-label]'));
	}
	function draw(id, option) {
		var holder = document.getElementById(id);
		if (!holder) {
			return;
		}
		var chart = echarts.init(holder, null, { renderer: 'svg' });
		option.animation = false;
		chart.setOption(option);
		window.addEventListener('resize', function () { chart.resize(); });
		return holder;
	}
	function hours(value) {
		return value === '' ? null : (Number(value) < 0 ? 2400 : Number(value));
	}
	var townships = rows('township-table');
	var holder = document.getElementById('township-chart');
	if (holder) {
		draw('township-chart', {
			grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
			legend: { top: 0 },
			tooltip: { trigger: 'axis' },
			xAxis: { type: 'value', name: 'h' },
			yAxis: { type: 'category', data: townships.map(function (r) { return r.dataset.label; }) },
			series: [
				{ name: holder.dataset.medianLabel, type: 'bar', itemStyle: { color: '#2f7d4f' },
					data: townships.map(function (r) { return hours(r.dataset.median); }) },
				{ name: holder.dataset.p90Label, type: 'bar', itemStyle: { color: '#b36a2f' },
					data: townships.map(function (r) { return hours(r.dataset.p90); }) }
			]
		});
	}
	var months = rows('month-table');
	holder = document.getElementById('month-chart');
	if (holder) {
		draw('month-chart', {
			grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
			legend: { top: 0 },
			tooltip: { trigger: 'axis' },
			xAxis: { type: 'category', data: months.map(function (r) { return r.dataset.label; }) },
			yAxis: [{ type: 'value' }, { type: 'value', name: 'h' }],
			series: [
				{ name: holder.dataset.casesLabel, type: 'bar', itemStyle: { color: '#4f6d8f' },
					data: months.map(function (r) { return Number(r.dataset.cases); }) },
				{ name: holder.dataset.aidedLabel, type: 'bar', itemStyle: { color: '#2f7d4f' },
					data: months.map(function (r) { return Number(r.dataset.aided); }) },
				{ name: holder.dataset.medianLabel, type: 'line', yAxisIndex: 1, itemStyle: { color: '#b36a2f' },
					data: months.map(function (r) { return hours(r.dataset.median); }) }
			]
		});
	}
	draw('channel-chart', {
		tooltip: { trigger: 'item' },
		series: [{ type: 'pie', radius: ['35%', '65%'],
			data: rows('channel-table').map(function (r) { return { name: r.dataset.label, value: Number(r.dataset.requests) }; }) }]
	});
	var amounts = rows('amounts-table');
	holder = document.getElementById('amount-chart');
	if (holder) {
		draw('amount-chart', {
			grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
			tooltip: { trigger: 'axis' },
			xAxis: { type: 'category', data: amounts.map(function (r) { return r.dataset.label; }) },
			yAxis: { type: 'value' },
			series: [{ name: holder.dataset.amountLabel, type: 'bar', itemStyle: { color: '#2f7d4f' },
				data: amounts.map(function (r) { return Number(r.dataset.amount); }) }]
		});
	}
})();
