// Narrows the village list to the names or pinyin initials typed in the search box; one match is chosen at once.
document.querySelectorAll('input[data-picks]').forEach(function (search) {
	var list = document.getElementById(search.dataset.picks);
	search.addEventListener('input', function () {
		var typed = search.value.trim().toLowerCase();
		var matches = [];
		list.querySelectorAll('optgroup').forEach(function (group) {
			var shown = 0;
			var township = group.label.toLowerCase();
			group.querySelectorAll('option').forEach(function (option) {
				var hit = !typed || option.text.toLowerCase().indexOf(typed) >= 0
					|| (option.dataset.initials || '').indexOf(typed) === 0 || township.indexOf(typed) >= 0;
				option.hidden = !hit;
				if (hit) {
					shown++;
					matches.push(option);
				}
			});
			group.hidden = shown === 0;
		});
		if (typed && matches.length === 1) {
			list.value = matches[0].value;
		}
	});
});
