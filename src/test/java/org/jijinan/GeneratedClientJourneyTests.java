package org.jijinan;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jijinan.identity.PartnerFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.StaffFixtures.Opened;
import org.jijinan.identity.UnitKind;
import org.jijinan.partnerclient.ApiClient;
import org.jijinan.partnerclient.ApiException;
import org.jijinan.partnerclient.api.CaseworkApi;
import org.jijinan.partnerclient.api.IntakeApi;
import org.jijinan.partnerclient.api.PeopleApi;
import org.jijinan.partnerclient.api.ReliefApi;
import org.jijinan.partnerclient.model.CasePersonLink;
import org.jijinan.partnerclient.model.CaseTransition;
import org.jijinan.partnerclient.model.CaseView;
import org.jijinan.partnerclient.model.DecisionView;
import org.jijinan.partnerclient.model.EmergencyAidRequest;
import org.jijinan.partnerclient.model.EmergencyGrantView;
import org.jijinan.partnerclient.model.EmergencyTopUp;
import org.jijinan.partnerclient.model.HelpRequestView;
import org.jijinan.partnerclient.model.InvestigationNewVisit;
import org.jijinan.partnerclient.model.InvestigationView;
import org.jijinan.partnerclient.model.NewHelpRequest;
import org.jijinan.partnerclient.model.NewPerson;
import org.jijinan.partnerclient.model.PaymentOrderView;
import org.jijinan.partnerclient.model.PaymentsBatchView;
import org.jijinan.partnerclient.model.PaymentsResultReport;
import org.jijinan.partnerclient.model.Proposal;
import org.jijinan.partnerclient.model.TaskOrder;
import org.jijinan.partnerclient.model.TaskOutcome;
import org.jijinan.partnerclient.model.TaskView;
import org.jijinan.region.TestVillages;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.TestIdNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A partner's client, generated at build time by openapi-generator from the document the platform serves
 * ({@code docs/api/openapi.json}, which {@code OpenApiDocumentTests} keeps equal to {@code /v3/api-docs}), drives a
 * whole journey with nothing but its generated types: a department's system reports an emergency, the township
 * accepts it and learns the case from the answer, links the person, grants emergency aid, refers a task that the
 * housing department completes, proposes, reviews and approves temporary assistance, and the payment goes out in a
 * batch whose bank results the client uploads. Refusals come back as problems the client can read.
 */
@SystemTest
class GeneratedClientJourneyTests {

	static final DivisionCode TOWNSHIP = new DivisionCode("632521203");

	static final String VILLAGE = "632521203901";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void drivesAWholeJourneyThroughTheDocumentedApi(@TempDir Path folder) throws Exception {
		TestVillages.ensure(context, VILLAGE, "铁盖一村");
		var staff = StaffFixtures.from(context);
		Opened clerkAccount = staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK);
		Opened reviewerAccount = staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		Opened colleagueAccount = staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER);
		Opened approverAccount = staff.active(TOWNSHIP, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER);
		Opened countyAccount = staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.COUNTY_APPROVER);
		Opened housingAccount = staff.active(StaffFixtures.COUNTY, UnitKind.HOUSING_DEPARTMENT, Role.DEPARTMENT_OFFICER);
		Opened educationAccount = staff.active(StaffFixtures.COUNTY, UnitKind.EDUCATION_DEPARTMENT,
				Role.DEPARTMENT_OFFICER);
		Visitor admin = StaffFixtures.signedIn(port,
				staff.active(StaffFixtures.COUNTY, UnitKind.COUNTY_CIVIL_AFFAIRS, Role.ADMINISTRATOR));
		ApiClient clerk = client(personalToken(clerkAccount, Role.WINDOW_CLERK));
		ApiClient reviewer = client(personalToken(reviewerAccount, Role.TOWNSHIP_REVIEWER));
		ApiClient colleague = client(personalToken(colleagueAccount, Role.TOWNSHIP_REVIEWER));
		ApiClient approver = client(personalToken(approverAccount, Role.TOWNSHIP_APPROVER));
		ApiClient county = client(personalToken(countyAccount, Role.COUNTY_APPROVER));
		ApiClient housing = client(personalToken(housingAccount, Role.DEPARTMENT_OFFICER));
		ApiClient department = client(PartnerFixtures.register(port, admin, "教育局控辍保学系统",
				educationAccount.unitId().value().toString(), "help-requests:write").token());

		new ReliefApi(county).emergencyTopUp(TOWNSHIP.value(),
				new EmergencyTopUp().amount(new BigDecimal("5000")).reference("TG-" + System.nanoTime()).note("县民政局拨付备用金"));

		// A department's system reports an emergency; it may not decide it.
		HelpRequestView received = new IntakeApi(department).helpRequestSubmit(new NewHelpRequest()
			.channel(NewHelpRequest.ChannelEnum.DEPARTMENT)
			.urgency(NewHelpRequest.UrgencyEnum.EMERGENCY)
			.reporterRelation(NewHelpRequest.ReporterRelationEnum.DEPARTMENT)
			.reporterName("教育局")
			.reporterPhone(phone())
			.subjectName("才让卓玛")
			.village(VILLAGE)
			.description("学生家中失火，父亲住院，家里无力支付医药费")
			.causes(Set.of("FIRE", "MEDICAL_SPENDING")), "journey-" + UUID.randomUUID());
		String request = received.getNumber();
		assertThat(received.getStatus()).isEqualTo(HelpRequestView.StatusEnum.RECEIVED);
		assertProblem(() -> new IntakeApi(department).helpRequestAccept(request), 403, "security.access-denied",
				"intake.decision-not-allowed");

		// The township accepts it and the answer names the case.
		HelpRequestView accepted = new IntakeApi(reviewer).helpRequestAccept(request);
		assertThat(accepted.getStatus()).isEqualTo(HelpRequestView.StatusEnum.ACCEPTED);
		String caseNumber = accepted.getCaseNumber();
		assertThat(caseNumber).as("the acceptance names the case it opened").startsWith("JJC-");
		CaseworkApi cases = new CaseworkApi(reviewer);
		assertThat(cases.caseFind(caseNumber).getRequests()).containsExactly(request);

		// Emergency aid first, then the person is linked and the paperwork can follow.
		EmergencyGrantView grant = new ReliefApi(reviewer).emergencyGrant(caseNumber, new EmergencyAidRequest()
			.cause("FIRE")
			.amount(new BigDecimal("1000"))
			.goods("棉被 2 床")
			.situation("当天入户核实，房屋烧毁，生活无着"));
		assertThat(grant.getAmount()).isEqualByComparingTo("1000");
		UUID person = new PeopleApi(clerk).peopleRegister(new NewPerson().name("才让卓玛")
			.idNumber(TestIdNumbers.fresh())
			.residence(VILLAGE)).getId();
		CaseView linked = cases.caseLinkPerson(caseNumber, new CasePersonLink().personId(person));
		assertThat(linked.getPersonId()).isEqualTo(person);

		// Investigation with a colleague's confirmed visit; a task referred to the housing department.
		cases.caseMove(caseNumber, new CaseTransition().to(CaseTransition.ToEnum.INVESTIGATING));
		InvestigationView visited = cases.investigationVisit(caseNumber, new InvestigationNewVisit()
			.visitedOn(LocalDate.now(ZoneId.of("Asia/Shanghai")))
			.visitors(List.of(colleagueAccount.username()))
			.findings("房屋烧毁，父亲住院一月，家中只剩老人和学生"));
		UUID visit = visited.getVisits().get(0).getId();
		new CaseworkApi(colleague).investigationConfirm(caseNumber, visit);
		assertProblem(() -> cases.investigationConfirm(caseNumber, visit), 409, "casework.visit-already-confirmed");
		TaskView task = cases.taskRefer(caseNumber, new TaskOrder().unitId(housingAccount.unitId().value())
			.kind(TaskOrder.KindEnum.DEPARTMENT_ASSISTANCE)
			.request("请核实住房受损情况并纳入危房改造")
			.dueWorkingDays(5));
		new CaseworkApi(housing).taskAccept(task.getId());
		TaskView done = new CaseworkApi(housing).taskComplete(task.getId(), new TaskOutcome().result("已纳入危房改造"));
		assertThat(done.getStatus()).isEqualTo(TaskView.StatusEnum.COMPLETED);

		// Temporary assistance: proposed, reviewed by a colleague, approved by the township's approver.
		ReliefApi relief = new ReliefApi(reviewer);
		DecisionView proposed = relief.reliefPropose(caseNumber, new Proposal().cause("MEDICAL_SPENDING")
			.band("一档")
			.persons(3)
			.urban(false)
			.cashAmount(new BigDecimal("1200"))
			.payeeName("才让卓玛")
			.payeeAccount("6228480086011113333")
			.payeeBank("中国农业银行共和县支行"));
		new ReliefApi(colleague).reliefReview(proposed.getId());
		DecisionView approved = new ReliefApi(approver).reliefApprove(proposed.getId());
		assertThat(approved.getStatus()).isEqualTo(DecisionView.StatusEnum.APPROVED);
		assertProblem(() -> new ReliefApi(approver).reliefApprove(proposed.getId()), 409,
				"relief.illegal-transition");

		// Payment: a batch, and the bank's results uploaded as a file.
		PaymentsBatchView batch = new ReliefApi(approver).paymentBatch();
		List<PaymentOrderView> orders = new ReliefApi(approver).paymentOfDecision(proposed.getId());
		assertThat(orders).hasSize(1);
		assertThat(orders.get(0).getAmount()).isEqualByComparingTo("1200");
		File results = folder.resolve("results.csv").toFile();
		Files.writeString(results.toPath(), "order,result,bank_reference,reason\n" + orders.get(0).getId()
				+ ",PAID,B" + System.nanoTime() + ",\n");
		PaymentsResultReport report = new ReliefApi(approver).paymentResults(batch.getId(), results);
		assertThat(report.getPaid()).isEqualTo(1);
		assertThat(new ReliefApi(approver).paymentOfDecision(proposed.getId()).get(0).getStatus()).isEqualTo("PAID");
		assertThat(cases.caseFind(caseNumber).getStatus()).isEqualTo(CaseView.StatusEnum.DELIVERING);
	}

	/**
	 * Asserts that a call is refused with the status and one of the problem codes, as the client sees it.
	 */
	private static void assertProblem(ThrowingCall call, int status, String... codes) {
		ApiException refused = catchThrowableOfType(ApiException.class, call::run);
		assertThat(refused).as("refused").isNotNull();
		assertThat(refused.getCode()).as(refused.getResponseBody()).isEqualTo(status);
		assertThat(refused.getResponseBody()).containsAnyOf(
				java.util.Arrays.stream(codes).map(code -> "\"code\":\"" + code + "\"").toArray(String[]::new));
	}

	@FunctionalInterface
	private interface ThrowingCall {

		void run() throws Exception;

	}

	private ApiClient client(String token) {
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://localhost:" + port);
		return client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
	}

	/** A personal access token, minted as staff do it: signed in, on their own account. */
	private String personalToken(Opened account, Role role) {
		return StaffFixtures.personalToken(StaffFixtures.signedIn(port, account), 1, role.name());
	}

	private static String phone() {
		return "1389720" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
	}

}
