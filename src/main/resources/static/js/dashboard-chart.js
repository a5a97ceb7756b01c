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
		// Measured in the font the page draws with, so Chinese labels are not cut; legends scroll rather than overlap.
		option.textStyle = { fontFamily: window.getComputedStyle(document.body).fontFamily };
		if (option.legend) {
			option.legend.type = 'scroll';
		}
		chart.setOption(option);
		window.addEventListener('resize', function () { chart.resize(); });
		return holder;
	}
	// Times to aid are bucket bounds in minutes (5 minutes to 90 days, -1 for more): drawn on a logarithmic axis and
	// labelled in minutes, hours or days in the page's language.
	var units = (document.getElementById('charts') || { dataset: {} }).dataset;
	var OVER_90_DAYS = 90 * 1440 * 1.5;
	function minutes(value) {
		return value === '' ? null : (Number(value) < 0 ? OVER_90_DAYS : Number(value));
	}
	function readable(value) {
		var round = function (n) { return Math.round(n * 10) / 10; };
		if (value < 60) {
			return round(value) + ' ' + (units.minutes || 'min');
		}
		if (value < 1440) {
			return round(value / 60) + ' ' + (units.hours || 'h');
		}
		return round(value / 1440) + ' ' + (units.days || 'd');
	}
	function timeAxis() {
		return { type: 'log', min: 1, axisLabel: { formatter: readable } };
	}
	function times(id, table) {
		var lines = rows(table);
		var holder = document.getElementById(id);
		if (!holder) {
			return;
		}
		draw(id, {
			grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
			legend: { top: 0 },
			tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : readable(v); } },
			xAxis: timeAxis(),
			yAxis: { type: 'category', data: lines.map(function (r) { return r.dataset.label; }) },
			series: [
				{ name: holder.dataset.medianLabel, type: 'bar', itemStyle: { color: '#2f7d4f' },
					data: lines.map(function (r) { return minutes(r.dataset.median); }) },
				{ name: holder.dataset.p90Label, type: 'bar', itemStyle: { color: '#b36a2f' },
					data: lines.map(function (r) { return minutes(r.dataset.p90); }) }
			]
		});
	}
	times('township-chart', 'township-table');
	times('urgency-chart', 'urgency-table');
	var holder;
	var months = rows('month-table');
	holder = document.getElementById('month-chart');
	if (holder) {
		draw('month-chart', {
			grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
			legend: { top: 0 },
			tooltip: { trigger: 'axis' },
			xAxis: { type: 'category', data: months.map(function (r) { return r.dataset.label; }) },
			yAxis: [{ type: 'value' }, timeAxis()],
			series: [
				{ name: holder.dataset.casesLabel, type: 'bar', itemStyle: { color: '#4f6d8f' },
					data: months.map(function (r) { return Number(r.dataset.cases); }) },
				{ name: holder.dataset.aidedLabel, type: 'bar', itemStyle: { color: '#2f7d4f' },
					data: months.map(function (r) { return Number(r.dataset.aided); }) },
				{ name: holder.dataset.medianLabel, type: 'line', yAxisIndex: 1, itemStyle: { color: '#b36a2f' },
					data: months.map(function (r) { return minutes(r.dataset.median); }),
					tooltip: { valueFormatter: function (v) { return v == null ? '—' : readable(v); } } }
			]
		});
	}
	draw('channel-chart', {
		tooltip: { trigger: 'item' },
		legend: { bottom: 0 },
		series: [{ type: 'pie', radius: ['30%', '55%'], center: ['50%', '45%'], avoidLabelOverlap: true,
			label: { formatter: '{b}\n{d}%', overflow: 'break', width: 72 },
			data: rows('channel-table').map(function (r) { return { name: r.dataset.label, value: Number(r.dataset.requests) }; }) }]
	});
	var amounts = rows('amounts-table');
	holder = document.getElementById('amount-chart');
	if (holder) {
		draw('amount-chart', {
			grid: { left: 16, right: 16, top: 16, bottom: 8, containLabel: true },
			tooltip: { trigger: 'axis' },
			xAxis: { type: 'category', data: amounts.map(function (r) { return r.dataset.label; }) },
			yAxis: { type: 'value' },
			series: [{ name: holder.dataset.amountLabel, type: 'bar', itemStyle: { color: '#2f7d4f' },
				data: amounts.map(function (r) { return Number(r.dataset.amount); }) }]
		});
	}
})();
