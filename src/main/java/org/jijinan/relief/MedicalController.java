package org.jijinan.relief;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.jijinan.identity.PartnerEndpoint;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.Caller;
import org.jijinan.shared.PersonalDataRead;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One-stop medical settlement over HTTP, for hospitals as partner clients (scope {@code medical-settlements:write})
 * and for hospital, medical-security and county staff.
 */
@RestController
@RequestMapping("/api/v1")
class MedicalController {

	private final MedicalSettlements settlements;

	MedicalController(MedicalSettlements settlements) {
		this.settlements = settlements;
	}

	@Operation(summary = "Register a hospital admission",
			description = "Hospitals (partner scope `medical-settlements:write`) and hospital staff; one open "
					+ "admission per person. Answers 201 with its id.",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/medical-admissions")
	ResponseEntity<Map<String, UUID>> admit(@RequestBody HospitalBill admission,
			@AuthenticationPrincipal Caller caller) {
		UUID id = settlements.admit(admission, caller);
		return ResponseEntity.created(URI.create("/api/v1/medical-admissions/" + id)).body(Map.of("id", id));
	}

	@Operation(summary = "Settle a hospital bill one-stop (一站式结算)",
			description = "Hospitals (partner scope `medical-settlements:write`) and hospital staff, after the "
					+ "insurers settled: the bill carries what basic, critical-illness and any other insurance paid, "
					+ "with their settlement numbers; medical assistance pays its share of what they left. Answers 201 "
					+ "with the settlement. Problems: 403, 404 (unknown person), 409 (a concurrent settlement), 422 "
					+ "(insurers' payments missing or above the bill, a rule of the parameters broken).",
			responses = @ApiResponse(responseCode = "201", description = "Created"))
	@PostMapping("/medical-settlements")
	ResponseEntity<SettlementView> settle(@RequestBody HospitalBill bill, @AuthenticationPrincipal Caller caller) {
		SettlementView settled = settlements.settle(bill, caller);
		return ResponseEntity.created(URI.create("/api/v1/medical-settlements/" + settled.id())).body(settled);
	}

	@Operation(summary = "Pre-settle a hospital bill (预结算)",
			description = "Before the insurers settle: the split if they paid what the county's parameters say, "
					+ "labelled `estimate: true`. Nothing is recorded. Same callers and problems as a settlement.")
	@PostMapping("/medical-presettlements")
	PreSettlementView estimate(@RequestBody HospitalBill bill, @AuthenticationPrincipal Caller caller) {
		return settlements.estimate(bill, caller);
	}

	@Operation(summary = "List recent settlements", description = "Hospital, medical-security and county staff.")
	@GetMapping("/medical-settlements")
	List<SettlementView> recent(@AuthenticationPrincipal Caller caller) {
		return settlements.recent(caller);
	}

	@PersonalDataRead(subject = "settlement")
	@Operation(summary = "Read a settlement", description = "Audited as a personal-data read. Problems: 403, 404.")
	@GetMapping("/medical-settlements/{id}")
	SettlementView find(@PathVariable UUID id, @AuthenticationPrincipal Caller caller) {
		return settlements.find(id, caller);
	}

	@Operation(summary = "Reverse a settlement",
			description = "With the reason. Problems: 403, 404, 409 when already reversed.")
	@PostMapping("/medical-settlements/{id}/reversal")
	SettlementView reverse(@PathVariable UUID id, @Valid @RequestBody Reason reason,
			@AuthenticationPrincipal Caller caller) {
		return settlements.reverse(id, reason.reason(), caller);
	}

	/**
	 * @param reason why the settlement is reversed
	 */
	record Reason(@Nullable @Size(max = 1000) String reason) {
	}

	/**
	 * Hospitals call these with client credentials.
	 */
	@Configuration(proxyBeanMethods = false)
	static class PartnerAccess {

		private static final Set<UnitKind> HOLDERS = EnumSet.of(UnitKind.HOSPITAL,
				UnitKind.MEDICAL_SECURITY_DEPARTMENT);

		@Bean
		PartnerEndpoint settleBills() {
			return new PartnerEndpoint(HttpMethod.POST, "/api/v1/medical-settlements", MedicalSettlements.SCOPE, HOLDERS);
		}

		@Bean
		PartnerEndpoint admitPatients() {
			return new PartnerEndpoint(HttpMethod.POST, "/api/v1/medical-admissions", MedicalSettlements.SCOPE, HOLDERS);
		}

		@Bean
		PartnerEndpoint preSettleBills() {
			return new PartnerEndpoint(HttpMethod.POST, "/api/v1/medical-presettlements", MedicalSettlements.SCOPE,
					HOLDERS);
		}

		@Bean
		PartnerEndpoint readSettlements() {
			return new PartnerEndpoint(HttpMethod.GET, "/api/v1/medical-settlements/**", MedicalSettlements.SCOPE, HOLDERS);
		}

		@Bean
		PartnerEndpoint reverseSettlements() {
			return new PartnerEndpoint(HttpMethod.POST, "/api/v1/medical-settlements/*/reversal",
					MedicalSettlements.SCOPE, HOLDERS);
		}

	}

}
