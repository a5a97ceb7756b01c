package org.jijinan.pilot;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jijinan.shared.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pilot's start and organisation over HTTP: leading groups, meetings and their action items, publicity, liaison
 * leaders and their visits.
 */
@RestController
@RequestMapping("/api/v1/pilot")
class PilotOrganisationController {

	private final Pilot pilot;

	private final PilotOrganisation organisation;

	PilotOrganisationController(Pilot pilot, PilotOrganisation organisation) {
		this.pilot = pilot;
		this.organisation = organisation;
	}

	@Operation(summary = "Start the pilot on the plan's calendar",
			description = "County civil-affairs staff and leaders: the four phases from the first day, the "
					+ "mobilisation owed by the 8th day and each township's implementation plan by the 25th (moved to "
					+ "the next working day when on a rest day), watched by supervision. Answers 201 with the phases. "
					+ "Problems: 400 `pilot.date-invalid`, 403, 409 `pilot.phases-exist`.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/start")
	ResponseEntity<List<Pilot.Phase>> start(@RequestBody Start start, @AuthenticationPrincipal Caller caller) {
		return ResponseEntity.created(URI.create("/api/v1/pilot")).body(pilot.start(start.startsOn(), caller));
	}

	@Operation(summary = "The pilot's organisation",
			description = "Leading groups, meetings, action items (open, overdue, done), publicity and liaison leaders.")
	@GetMapping("/organisation")
	PilotOrganisation.View organisation(@AuthenticationPrincipal Caller caller) {
		return organisation.view(caller);
	}

	@Operation(summary = "Add a leading-group member", description = "County keepers. Problems: 400, 403.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/members")
	ResponseEntity<Void> addMember(@RequestBody PilotOrganisation.NewMember member,
			@AuthenticationPrincipal Caller caller) {
		organisation.addMember(member, caller);
		return ResponseEntity.created(URI.create("/api/v1/pilot/organisation")).build();
	}

	@Operation(summary = "Record a meeting and its decisions",
			description = "County keepers. Each decision becomes an action item owed by its owner (one of the "
					+ "offered owners) by its due day, watched by supervision. Problems: 400 (date invalid, text "
					+ "missing), 403, 422 `pilot.owner-unknown`/`pilot.due-past`/`pilot.meeting-in-future`.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/meetings")
	ResponseEntity<Map<String, UUID>> recordMeeting(@RequestBody PilotOrganisation.NewMeeting meeting,
			@AuthenticationPrincipal Caller caller) {
		UUID id = organisation.recordMeeting(meeting, caller);
		return ResponseEntity.created(URI.create("/api/v1/pilot/organisation")).body(Map.of("id", id));
	}

	@Operation(summary = "Mark an action item done",
			description = "Its owner or a county keeper, with what was done. Problems: 400, 403, 404, 409 when done "
					+ "already, 422 for a township plan (done by marking the plan filed).")
	@PostMapping("/actions/{id}/completion")
	PilotOrganisation.View complete(@PathVariable UUID id, @RequestBody Note note,
			@AuthenticationPrincipal Caller caller) {
		organisation.completeAction(id, note.note(), caller);
		return organisation.view(caller);
	}

	@Operation(summary = "Record a publicity activity",
			description = "County keepers, or a township's staff for their township. Problems: 400, 403, 422 "
					+ "`pilot.publicity-reach-invalid`.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/publicity")
	ResponseEntity<Void> recordPublicity(@RequestBody PilotOrganisation.NewPublicity publicity,
			@AuthenticationPrincipal Caller caller) {
		organisation.recordPublicity(publicity, caller);
		return ResponseEntity.created(URI.create("/api/v1/pilot/organisation")).build();
	}

	@Operation(summary = "Name a township's liaison leader", description = "County keepers. Problems: 400, 403.")
	@PutMapping("/liaisons/{township}")
	PilotOrganisation.View assignLiaison(@PathVariable String township, @RequestBody LiaisonLeader liaison,
			@AuthenticationPrincipal Caller caller) {
		organisation.assignLiaison(township, liaison.leader(), liaison.post(), caller);
		return organisation.view(caller);
	}

	@Operation(summary = "Record a liaison leader's visit",
			description = "County keepers. Problems: 400, 403, 422 `pilot.liaison-missing`.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/liaisons/{township}/visits")
	ResponseEntity<Void> recordVisit(@PathVariable String township, @RequestBody Visit visit,
			@AuthenticationPrincipal Caller caller) {
		organisation.recordVisit(township, visit.visitedOn(), visit.findings(), caller);
		return ResponseEntity.created(URI.create("/api/v1/pilot/organisation")).build();
	}

	/**
	 * @param startsOn the pilot's first day (yyyy-MM-dd)
	 */
	record Start(@Nullable String startsOn) {
	}

	/**
	 * @param note what was done
	 */
	record Note(@Nullable String note) {
	}

	/**
	 * @param leader the liaison leader's name
	 * @param post their post
	 */
	record LiaisonLeader(@Nullable String leader, @Nullable String post) {
	}

	/**
	 * @param visitedOn the day of the visit
	 * @param findings what the leader found and advised
	 */
	record Visit(@Nullable String visitedOn, @Nullable String findings) {
	}

}
