// Print buttons: inline handlers are not allowed by the content security policy.
(function () {
	Array.prototype.forEach.call(document.querySelectorAll('.print-page'), function (button) {
		button.addEventListener('click', function () { window.print(); });
	});
})();
