package org.jijinan.sharing;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jijinan.identity.PartnerEndpoint;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.Caller;
import org.jijinan.shared.InvalidInput;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Data-sharing agreements, the roster feed and departments' assistance reports over HTTP.
 */
@RestController
@RequestMapping("/api/v1")
class SharingController {

	private final RosterFeed feed;

	private final DepartmentAssistance assistance;

	SharingController(RosterFeed feed, DepartmentAssistance assistance) {
		this.feed = feed;
		this.assistance = assistance;
	}

	@Operation(summary = "Record a department's data-sharing agreement",
			description = "County administrators. `fields` are `NAME`, `ID_NUMBER`, `RESIDENCE`. Problems: 403, 404, "
					+ "422.")
	@PutMapping("/sharing-agreements/{unitId}")
	RosterFeed.Agreement agree(@PathVariable UUID unitId, @RequestBody Terms terms,
			@AuthenticationPrincipal Caller caller) {
		return feed.agree(unitId, terms.categories(), terms.fields(), caller);
	}

	@Operation(summary = "Follow the roster feed",
			description = "Partner systems with scope `roster-feed:read`; without a cursor the extract, with one the "
					+ "next page; every read audited. Problems: 400 for a bad cursor, 403.")
	@GetMapping("/roster-feed")
	RosterFeed.Answer read(@RequestParam(required = false) @Nullable String cursor,
			@AuthenticationPrincipal Caller caller) {
		return feed.read(cursor, caller);
	}

	@Operation(summary = "Report a department's assistance",
			description = "Department officers and partner systems with the department-assistance scope. Answers 201 "
					+ "for a new report, 200 for the same report again. Problems: 400 "
					+ "`sharing.reference-invalid`/`sharing.scheme-unknown`/`sharing.cause-unknown`/"
					+ "`sharing.amount-invalid`/`sharing.goods-too-long`/`sharing.given-on-invalid`, 403 "
					+ "`sharing.not-allowed`/`sharing.person-outside-scope`, 409 `sharing.report-conflict`, 422 "
					+ "`sharing.scheme-not-yours`/`sharing.person-unknown`.",
			responses = {
					@ApiResponse(responseCode = "201", description = "A new report"),
					@ApiResponse(responseCode = "200", description = "The same report again; nothing changed")})
	@PostMapping("/department-assistance")
	ResponseEntity<DepartmentAssistance.Outcome> report(@RequestBody DepartmentAssistance.Report report,
			@AuthenticationPrincipal Caller caller) {
		DepartmentAssistance.Outcome outcome = assistance.report(report, caller);
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome);
	}

	@Operation(summary = "Report a department's assistance as a file",
			description = "CSV (UTF-8) or XLSX in multipart field `file`; checked row by row and stored all or "
					+ "nothing. Problems: 400 `request.multipart-required`, 403, 422 `sharing.file-rejected` with every "
					+ "bad row.")
	@PostMapping(path = "/department-assistance/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	DepartmentAssistance.FileOutcome reportFile(@RequestParam("file") MultipartFile file,
			@AuthenticationPrincipal Caller caller) throws IOException {
		if (file.getSize() > ReportFiles.MAX_BYTES) {
			throw new InvalidInput("sharing.file-too-large", ReportFiles.MAX_BYTES / 1024 / 1024);
		}
		return assistance.reportFile(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(),
				file.getBytes(), caller);
	}

	@Operation(summary = "List the department's latest reports",
			description = "Only department officers (`DEPARTMENT_OFFICER`) of a government department (health, "
					+ "education, housing, human resources and social security, medical security, disabled persons' "
					+ "federation, emergency management) and those departments' partner systems with scope "
					+ "`assistance-records:write`: the unit's 200 latest reports, newest first. Problems: 403 "
					+ "`sharing.not-allowed`.")
	@GetMapping("/department-assistance")
	List<DepartmentAssistance.Reported> reported(@AuthenticationPrincipal Caller caller) {
		return assistance.latest(caller, 200);
	}

	/**
	 * @param categories the rosters the department may follow
	 * @param fields what it may receive beyond the standing ({@code NAME}, {@code ID_NUMBER}, {@code RESIDENCE})
	 */
	record Terms(@Schema(description = "Category codes, as GET /api/v1/categories lists them") @Nullable List<String> categories,
			@ArraySchema(schema = @Schema(allowableValues = { "NAME", "ID_NUMBER", "RESIDENCE" })) @Nullable List<String> fields) {
	}

	/**
	 * Departments' systems follow the feed with client credentials.
	 */
	@Configuration(proxyBeanMethods = false)
	static class PartnerAccess {

		@Bean
		PartnerEndpoint reportAssistance() {
			return new PartnerEndpoint(HttpMethod.POST, "/api/v1/department-assistance", DepartmentAssistance.SCOPE,
					UnitKind.departments());
		}

		@Bean
		PartnerEndpoint reportAssistanceFiles() {
			return new PartnerEndpoint(HttpMethod.POST, "/api/v1/department-assistance/files",
					DepartmentAssistance.SCOPE, UnitKind.departments());
		}

		@Bean
		PartnerEndpoint readReportedAssistance() {
			return new PartnerEndpoint(HttpMethod.GET, "/api/v1/department-assistance", DepartmentAssistance.SCOPE,
					UnitKind.departments());
		}

		@Bean
		PartnerEndpoint rosterFeedEndpoint() {
			return new PartnerEndpoint(HttpMethod.GET, "/api/v1/roster-feed", RosterFeed.SCOPE, UnitKind.departments());
		}

	}

}
