// Field report: keeps a draft on the phone while the connection comes and goes, and sends it with one
// Idempotency-Key per report, so retrying after a dropped connection never makes a second request.
(function () {
	'use strict';
	var form = document.getElementById('field-form');
	var status = document.getElementById('field-status');
	var DRAFT = 'jijinan.field-report.draft';

	function read() {
		var data = { urgency: form.querySelector('input[name=urgency]:checked').value, causes: [] };
		['subjectName', 'subjectPhone', 'village', 'description'].forEach(function (name) {
			data[name] = form.elements[name].value;
		});
		form.querySelectorAll('input[name=causes]:checked').forEach(function (box) { data.causes.push(box.value); });
		return data;
	}

	function save(key) {
		var draft = read();
		draft.key = key || (load() || {}).key || null;
		localStorage.setItem(DRAFT, JSON.stringify(draft));
		return draft;
	}

	function load() {
		try { return JSON.parse(localStorage.getItem(DRAFT)); } catch (e) { return null; }
	}

	function restore() {
		var draft = load();
		if (!draft) { return; }
		['subjectName', 'subjectPhone', 'village', 'description'].forEach(function (name) {
			form.elements[name].value = draft[name] || '';
		});
		var urgency = form.querySelector('input[name=urgency][value="' + draft.urgency + '"]');
		if (urgency) { urgency.checked = true; }
		form.querySelectorAll('input[name=causes]').forEach(function (box) {
			box.checked = (draft.causes || []).indexOf(box.value) >= 0;
		});
	}

	// The outcome is shown above the form, brought into view: a reporter on a phone must not face a blank form.
	function tell(text, number) {
		status.textContent = text;
		if (number) {
			var strong = document.createElement('strong');
			strong.id = 'field-number';
			strong.textContent = number;
			status.append(' ', strong);
		}
		status.scrollIntoView({ block: 'start' });
		status.focus();
	}

	function newKey() {
		return (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
			: 'fr-' + Date.now() + '-' + Math.random().toString(36).slice(2);
	}

	function body(draft) {
		return JSON.stringify({
			channel: 'FIELD_REPORT', urgency: draft.urgency, reporterRelation: 'VILLAGE_WORKER',
			subjectName: draft.subjectName, subjectPhone: draft.subjectPhone || null, village: draft.village,
			description: draft.description, causes: draft.causes.length ? draft.causes : ['OTHER']
		});
	}

	function send(event) {
		event.preventDefault();
		var draft = save();
		if (!draft.key) { draft = save(newKey()); }
		tell(form.dataset.sending);
		var headers = { 'Content-Type': 'application/json', 'Idempotency-Key': draft.key };
		headers[form.dataset.csrfHeader] = form.dataset.csrfToken;
		fetch(form.dataset.endpoint, { method: 'POST', headers: headers, body: body(draft), credentials: 'same-origin' })
			.then(function (response) {
				return response.json().then(function (answer) { return { ok: response.ok, answer: answer }; });
			})
			.then(function (result) {
				if (result.ok) {
					localStorage.removeItem(DRAFT);
					form.reset();
					tell(form.dataset.sent, result.answer.number);
				}
				else {
					tell(form.dataset.failed + ' ' + (result.answer.detail || ''));
				}
			})
			.catch(function () { tell(form.dataset.offline); });
	}

	form.addEventListener('input', function () { save(); });
	form.addEventListener('submit', send);
	restore();
})();
