package org.jijinan.intake;

import java.util.Optional;

import org.jijinan.identity.StaffDirectory;
import org.jijinan.people.PersonId;
import org.jijinan.people.PersonRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who reported a request and should hear what became of it: the staff member who registered it, when reporting is
 * their work (a village reporter, a department's officer). Window clerks and hotline operators register requests for
 * the people who ask; those people hear through the applicant's messages.
 */
@Service
@Transactional(readOnly = true)
public class Reporters {

	private final HelpRequests requests;

	private final StaffDirectory staff;

	private final PersonRegistry persons;

	Reporters(HelpRequests requests, StaffDirectory staff, PersonRegistry persons) {
		this.requests = requests;
		this.staff = staff;
		this.persons = persons;
	}

	/**
	 * @param number a request's number
	 * @return its reporter, when it has one to tell
	 */
	public Optional<Reporter> of(String number) {
		return requests.findByNumber(number)
			.filter(request -> staff.holdsAnyRole(request.owner(), MyReports.REPORTER_ROLES))
			.map(request -> {
				HelpRequestView view = request.view();
				String name = view.subjectName() != null || view.personId() == null ? view.subjectName()
						: persons.nameOf(new PersonId(view.personId())).orElse(null);
				return new Reporter(number, request.owner(), name, view.refusalReason());
			});
	}

	/**
	 * The reporter of a request.
	 *
	 * @param requestNumber the request
	 * @param account the reporter's login name
	 * @param subjectName whom the report was about, as reported
	 * @param refusalReason the written reason, if the request was refused
	 */
	public record Reporter(String requestNumber, String account, @Nullable String subjectName,
			@Nullable String refusalReason) {

		@Override
		public String toString() {
			return "Reporter[" + requestNumber + "]";
		}

	}

}
