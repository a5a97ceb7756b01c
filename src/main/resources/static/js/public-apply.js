// The reporter's own name and phone are asked only of someone reporting another person.
(function () {
	var box = document.getElementById('forSomeoneElse');
	var fields = document.getElementById('reporter-fields');
	if (!box || !fields) {
		return;
	}
	function show() {
		fields.hidden = !box.checked;
	}
	box.addEventListener('change', show);
	show();
})();
