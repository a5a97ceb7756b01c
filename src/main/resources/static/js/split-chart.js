// The settlement's split between the payers, as a pie, from the data the page carries.
(function () {
	var holder = document.getElementById('split-chart');
	if (!holder || typeof echarts === 'undefined') {
		return;
	}
	var data = ['basic', 'critical', 'other', 'assistance', 'patient'].map(function (part) {
		return { name: holder.dataset[part + 'Label'], value: Number(holder.dataset[part] || 0) };
	}).filter(function (part) { return part.value > 0; });
	var chart = echarts.init(holder, null, { renderer: 'svg' });
	chart.setOption({
		animation: false,
		color: ['#2f6fb3', '#6a4fb3', '#4f8fb3', '#2f7d4f', '#b36a2f'],
		tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
		legend: { bottom: 0, type: 'scroll' },
		textStyle: { fontFamily: window.getComputedStyle(document.body).fontFamily },
		series: [{ type: 'pie', radius: ['35%', '65%'], data: data, label: { formatter: '{b}\n{d}%', overflow: 'break', width: 72 } }]
	});
	window.addEventListener('resize', function () { chart.resize(); });
})();
