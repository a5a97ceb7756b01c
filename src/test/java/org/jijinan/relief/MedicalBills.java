package org.jijinan.relief;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.jijinan.Visitor;
import org.jijinan.shared.ResidentIdNumber;

/**
 * Patients and their hospital bills for the settlement benchmarks: a person of Daotanghe with a household on the
 * minimum living allowance, and a discharge bill for one of their stays.
 */
public final class MedicalBills {

	private MedicalBills() {
	}

	/**
	 * Registers a person with a fresh ID number, their household and its standing, as the township does.
	 * @return the patient's ID number and name
	 */
	public static String[] patient(Visitor clerk, Visitor reviewer) {
		String idNumber;
		Visitor.Page registered;
		do {
			LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(20_000));
			String body = "632521" + birth.toString().replace("-", "")
					+ String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
			idNumber = body + ResidentIdNumber.checkCharacter(body);
			registered = clerk.json("POST", "/api/v1/persons",
					"{\"name\": \"拉毛\", \"idNumber\": \"%s\", \"residence\": \"632521101201\"}".formatted(idNumber));
		}
		while (registered.status() == 409);
		String household = idOf(created(clerk.json("POST", "/api/v1/households",
				"{\"headId\": \"%s\"}".formatted(idOf(created(registered))))));
		created(reviewer.json("POST", "/api/v1/standings", """
				{"category": "MINIMUM_LIVING_ALLOWANCE", "householdId": "%s", "source": "基准测试", "validFrom": "2024-01-01"}"""
			.formatted(household)));
		return new String[] { idNumber, "拉毛" };
	}

	/** A number already registered is drawn again; any other refusal stops the benchmark with its answer. */
	private static Visitor.Page created(Visitor.Page answer) {
		if (answer.status() != 201 && answer.status() != 200) {
			throw new IllegalStateException(answer.status() + " " + answer.body());
		}
		return answer;
	}

	/**
	 * @param patient as {@link #patient} gave it
	 * @param admission the hospital's admission number, new for each bill
	 * @return the bill as the settlement API takes it
	 */
	public static String bill(String[] patient, String admission) {
		return """
				{"idNumber": "%s", "patientName": "%s", "hospitalCode": "H632521001", "hospitalName": "共和县人民医院",
				 "hospitalLevel": "SECONDARY", "admissionNumber": "%s", "admittedOn": "%s", "dischargedOn": "%s",
				 "inPolicy": 30000.00, "outOfPolicy": 2000.00, "total": 32000.00, "basicPaid": 22050.00,
				 "basicReference": "JB-%s", "criticalPaid": 0}"""
			.formatted(patient[0], patient[1], admission, LocalDate.now().minusDays(10), LocalDate.now().minusDays(1),
					admission);
	}

	private static String idOf(Visitor.Page page) {
		return page.body().replaceAll("^\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");
	}

}
