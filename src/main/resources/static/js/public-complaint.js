// An anonymous complainant is not asked for a name or a phone.
(function () {
	var box = document.getElementById('anonymous');
	var fields = document.getElementById('complainant-fields');
	if (!box || !fields) {
		return;
	}
	function show() {
		fields.hidden = box.checked;
	}
	box.addEventListener('change', show);
	show();
})();
