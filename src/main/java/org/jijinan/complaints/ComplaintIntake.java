package org.jijinan.complaints;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jijinan.calendar.WorkingDayCalendar;
import org.jijinan.identity.PartnerClient;
import org.jijinan.identity.UnitView;
import org.jijinan.intake.ApplicantLanguage;
import org.jijinan.intake.IntakeDesk;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PhoneNumber;
import org.jijinan.shared.SealedColumns;
import org.jijinan.shared.Sealer;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way in for complaints: from the public pages, staff (hotline, window, letter) and partner systems. Checks
 * what came in, merges a repeat, seals the complainant's identity, routes the complaint away from the unit it is
 * about and starts its clocks.
 */
@Service
public class ComplaintIntake implements SealedColumns {

	/** The scope partner systems need to send complaints. */
	static final String SCOPE = "complaints:write";

	static final String NAME = "complaints.complainant-name";

	static final String PHONE = "complaints.complainant-phone";

	static final String FOLLOW_CODE = "complaints.follow-code";

	private static final String CONTENT = "complaints.content";

	static final int TEXT_MAX = 2000;

	static final int NAME_MAX = 50;

	private static final Pattern MARKUP = Pattern.compile("<\\s*/?\\s*[a-zA-Z!][^>]*>|javascript:",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\r\\n\\t]]");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ComplaintStore store;

	private final Routing routing;

	private final Sealer sealer;

	private final WorkingDayCalendar calendar;

	private final ComplaintsSettings settings;

	private final RegionDirectory regions;

	private final IntakeDesk intake;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ComplaintIntake(ComplaintStore store, Routing routing, Sealer sealer, WorkingDayCalendar calendar,
			ComplaintsSettings settings, RegionDirectory regions, IntakeDesk intake, ApplicationEventPublisher events,
			Clock clock) {
		this.store = store;
		this.routing = routing;
		this.sealer = sealer;
		this.calendar = calendar;
		this.settings = settings;
		this.regions = regions;
		this.intake = intake;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Takes a complaint in and routes it. The same complaint again within an hour (same kind and words, from the same
	 * phone — or, anonymous, from the same place) is merged into the first: its number again, no new follow code.
	 * @param caller staff or a partner system; {@code null} for the public pages
	 * @param client where an anonymous complaint came from (the client address on the public pages)
	 */
	@Transactional
	public Receipt receive(NewComplaint given, @Nullable Caller caller, String client) {
		ComplaintKind kind = kind(given.kind());
		String text = text(given.text());
		String name = given.anonymous() || given.name() == null ? "" : given.name().strip();
		if (name.length() > NAME_MAX) {
			throw new InvalidInput("complaints.name-too-long", NAME_MAX);
		}
		PhoneNumber phone = given.anonymous() ? null : phone(given.phone());
		if (!given.anonymous() && phone == null) {
			throw new InvalidInput("complaints.phone-required");
		}
		String reference = WrittenText.optional(given.reference(), 40);
		String subjectPerson = WrittenText.optional(given.subjectPerson(), 100);
		ComplaintChannel channel = channel(given.channel(), caller);
		String countyPath = countyOf(caller);
		UnitView subject = subject(given.subjectUnit(), countyPath);
		Instant now = clock.instant();
		String sender = phone != null ? "phone:" + phone.value() : "anonymous:" + (caller == null ? client : caller.name());
		String contentHash = sealer.lookupHash(kind + "\n" + sender + "\n" + text.replaceAll("\\s+", " "), CONTENT);
		var earlier = store.repeated(contentHash, now.minus(Duration.ofHours(1)));
		if (earlier.isPresent()) {
			return new Receipt(earlier.get(), null, true);
		}
		Complaint.Handler handler = routing.first(subject, countyPath);
		String number = ComplaintNumber.of(now, store.nextSequence());
		String followCode = String.format("%06d", RANDOM.nextInt(1_000_000));
		Complaint complaint = new Complaint(UUID.randomUUID(), number, kind, countyPath,
				subject == null ? null : subject.id().value(), subject == null ? null : subject.kind(),
				ComplaintStatus.RECEIVED, handler, 1, List.of(),
				calendar.plusWorkingDays(now, settings.acknowledgeWorkingDays()),
				calendar.plusWorkingDays(now, settings.answerWorkingDays()), null, null, 0);
		ApplicantLanguage language = given.language() == null ? ApplicantLanguage.CHINESE : given.language();
		String by = caller == null ? "online" : caller.name();
		store.insert(complaint, new ComplaintStore.Stored(channel, subject == null ? null : subject.name(),
				subject == null ? countyPath : regions.path(subject.divisionCode()), blankToNull(subjectPerson),
				blankToNull(reference), text, given.anonymous(), name.isEmpty() ? null : sealer.seal(name, NAME),
				phone == null ? null : sealer.seal(phone.value(), PHONE),
				phone == null ? null : sealer.lookupHash(phone.value(), PHONE), phone == null ? null : phone.masked(),
				name.isEmpty() ? null : maskedName(name), followHash(number, followCode), language.name(), contentHash,
				by, now));
		events.publishEvent(new ComplaintReceived(number, kind, channel, countyPath, complaint.subjectUnit(),
				handler.unit(), handler.name(), now, complaint.acknowledgeBy(), complaint.answerBy(), by));
		return new Receipt(number, followCode, false);
	}

	/**
	 * @param caller staff or a partner system; {@code null} for the public pages
	 * @return the units of the caller's county (or the public pages' county) a complaint may name
	 */
	public List<UnitView> subjects(@Nullable Caller caller) {
		return routing.subjects(countyOf(caller));
	}

	private String countyOf(@Nullable Caller caller) {
		UnitView unit = ComplaintDesk.unitOf(caller);
		String path = regions.path(unit == null ? intake.publicCounty() : unit.divisionCode());
		String[] parts = path.split("/");
		if (parts.length < 4) {
			throw new Forbidden("complaints.out-of-scope");
		}
		return "/" + parts[1] + "/" + parts[2] + "/" + parts[3] + "/";
	}

	private @Nullable UnitView subject(@Nullable UUID given, String countyPath) {
		if (given == null) {
			return null;
		}
		return routing.subjects(countyPath)
			.stream()
			.filter(unit -> unit.id().value().equals(given))
			.findFirst()
			.orElseThrow(() -> new InvalidInput("complaints.subject-unknown"));
	}

	private static ComplaintChannel channel(@Nullable ComplaintChannel given, @Nullable Caller caller) {
		if (caller == null) {
			return ComplaintChannel.ONLINE;
		}
		if (caller instanceof PartnerClient) {
			return ComplaintChannel.PARTNER;
		}
		if (given == null || !Set.of(ComplaintChannel.HOTLINE, ComplaintChannel.WINDOW, ComplaintChannel.LETTER)
			.contains(given)) {
			throw new InvalidInput("complaints.channel-required");
		}
		return given;
	}

	private static ComplaintKind kind(@Nullable String given) {
		if (given == null || given.isBlank()) {
			throw new InvalidInput("complaints.kind-required");
		}
		try {
			return ComplaintKind.valueOf(given.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("complaints.kind-required");
		}
	}

	/**
	 * What the complainant wrote: something, not too long, words rather than control characters or page code.
	 */
	static String text(@Nullable String given) {
		String text = given == null ? "" : given.strip();
		if (text.codePointCount(0, text.length()) < 4) {
			throw new InvalidInput("complaints.text-required");
		}
		if (text.length() > TEXT_MAX) {
			throw new InvalidInput("complaints.text-too-long", TEXT_MAX);
		}
		if (CONTROL.matcher(text).find() || MARKUP.matcher(text).find()) {
			throw new InvalidInput("complaints.text-markup");
		}
		return text;
	}

	private static @Nullable PhoneNumber phone(@Nullable String given) {
		if (given == null || given.isBlank()) {
			return null;
		}
		try {
			return PhoneNumber.parse(given);
		}
		catch (InvalidInput malformed) {
			throw new InvalidInput("complaints.phone-malformed");
		}
	}

	private String followHash(String number, String code) {
		return sealer.lookupHash(number + ":" + code, FOLLOW_CODE);
	}

	private static String maskedName(String name) {
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
	}

	private static @Nullable String blankToNull(String text) {
		return text.isEmpty() ? null : text;
	}

	@Override
	public List<Column> sealedColumns() {
		return List.of(new Column("complaints_complaint", "name_sealed", NAME),
				new Column("complaints_complaint", "phone_sealed", PHONE));
	}

	/**
	 * What the complainant is given.
	 *
	 * @param number the complaint's number
	 * @param followCode the code to follow it with (shown once); {@code null} when the complaint repeated an earlier one
	 * @param repeated whether it was merged into an earlier complaint with the same content
	 */
	public record Receipt(String number, @Nullable String followCode, boolean repeated) {

		@Override
		public String toString() {
			return "Receipt[number=" + number + ", repeated=" + repeated + "]";
		}

	}

}
