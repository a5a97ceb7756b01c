package org.jijinan.relief;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

import org.jijinan.SystemTest;
import org.jijinan.Visitor;
import org.jijinan.Visitor.Page;
import org.jijinan.casework.CaseFixtures;
import org.jijinan.identity.Role;
import org.jijinan.identity.StaffFixtures;
import org.jijinan.identity.UnitKind;
import org.jijinan.shared.DivisionCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jijinan.casework.CaseFixtures.assertProblem;
import static org.jijinan.casework.CaseFixtures.idOf;

/**
 * Payments happen once: an approval makes one order, a batch takes every pending order once (a second click finds
 * nothing, a crash in the middle leaves nothing half-batched), the payout file carries an HMAC the bank can check,
 * a result file imported twice changes nothing the second time, and only a failed order is issued again.
 */
@SystemTest
class PaymentTests {

	static final DivisionCode LONGYANGXIA = new DivisionCode("632521102");

	static final byte[] BANK_KEY = Base64.getDecoder().decode("dGVzdC1iYW5rLWtleS1zaGFyZWQtd2l0aC10aGUtYmFuay0wMQ==");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	Visitor clerk;

	Visitor handler;

	Visitor reviewer;

	Visitor approver;

	Visitor colleague;

	@BeforeEach
	void signIn() {
		var staff = StaffFixtures.from(context);
		clerk = StaffFixtures.signedIn(port, staff.active(LONGYANGXIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.WINDOW_CLERK));
		handler = StaffFixtures.signedIn(port,
				staff.active(LONGYANGXIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		reviewer = StaffFixtures.signedIn(port,
				staff.active(LONGYANGXIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_REVIEWER));
		approver = StaffFixtures.signedIn(port,
				staff.active(LONGYANGXIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
		colleague = StaffFixtures.signedIn(port,
				staff.active(LONGYANGXIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
	}

	@Test
	void paysAnApprovedDecisionOnceThroughTheBanksFiles() throws Exception {
		String decision = approvedDecision("1800");
		String order = onlyOrderOf(decision, "PENDING");
		String orderNumber = approver.get("/api/v1/decisions/" + decision + "/payment-orders").body()
			.replaceAll("(?s).*\"number\":\"(ZF-[0-9]{4}-[0-9]{6})\".*", "$1");
		assertThat(orderNumber).matches("ZF-[0-9]{4}-[0-9]{6}");
		assertThat(approver.get("/relief/payments").body()).as("people read the order's number")
			.contains(orderNumber);

		Page batch = approver.json("POST", "/api/v1/payment-batches", "");
		assertThat(batch.status()).as(batch.body()).isEqualTo(201);
		assertThat(batch.body()).contains(order).contains("\"status\":\"BATCHED\"");
		assertProblem(approver.json("POST", "/api/v1/payment-batches", ""), 422, "relief.nothing-to-pay");
		String batchId = idOf(batch);

		String file = new String(approver.sendBytes(HttpRequest.newBuilder(approver.uri(
				"/api/v1/payment-batches/" + batchId + "/bank-file"))
			.header("X-CSRF-TOKEN", approver.csrf())
			.POST(HttpRequest.BodyPublishers.noBody())), StandardCharsets.UTF_8);
		assertThat(file).startsWith("batch,order,payee_name,account,bank,amount,purpose\n")
			.contains("," + order + ",才让,6228480086012345678,中国农业银行共和县支行,1800.00,临时救助 JJC-");
		String content = file.substring(0, file.indexOf("#hmac-sha256="));
		assertThat(file).endsWith("#hmac-sha256=" + hmac(content) + "\n");

		String results = "order,result,bank_reference,reason\n" + order + ",PAID,B20261128-0001,\n";
		Page imported = upload(batchId, results);
		assertThat(imported.body()).contains("\"paid\":1").contains("\"repeated\":false");
		Page again = upload(batchId, results);
		assertThat(again.body()).contains("\"paid\":1").contains("\"repeated\":true");
		assertProblem(upload(batchId, "order,result,bank_reference,reason\n" + order + ",FAILED,,账户冻结\n"), 409,
				"relief.result-conflict");
		assertThat(onlyOrderOf(decision, "PAID")).isEqualTo(order);
		String caseNumber = handler.get("/api/v1/decisions/" + decision).body()
			.replaceAll("(?s).*\"caseNumber\":\"([^\"]+)\".*", "$1");
		assertThat(handler.get("/api/v1/cases/" + caseNumber).body()).contains("\"status\":\"DELIVERING\"");
		assertThat(handler.get("/api/v1/cases/" + caseNumber + "/timeline").body())
			.contains("救助金 1800.00 元已入账（支付指令 " + orderNumber + "，支付批次 ")
			.doesNotContain(order);
		assertThat(handler.get("/cases/" + caseNumber + "/relief").body()).contains("支付指令 " + orderNumber + " · 已到账");
	}

	@Test
	void refusesResultFilesThatDoNotFitTheBatch() {
		approvedDecision("500");
		String batchId = idOf(approver.json("POST", "/api/v1/payment-batches", ""));
		String order = approver.get("/api/v1/payment-batches/" + batchId).body()
			.replaceAll("(?s).*\"orders\":\\[\\{\"id\":\"([0-9a-f-]{36})\".*", "$1");

		assertProblem(upload(batchId, "order,result\n" + java.util.UUID.randomUUID() + ",PAID\n"), 422,
				"relief.result-file-invalid");
		assertProblem(upload(batchId, "order,result\n" + order + ",MAYBE\n"), 422, "relief.result-file-invalid");
		assertProblem(upload(batchId, "order,result,bank_reference,reason\n" + order + ",FAILED,,\n"), 422,
				"relief.result-file-invalid");
		assertProblem(upload(batchId, "order,result\n" + order + ",PAID\n" + order + ",PAID\n"), 422,
				"relief.result-file-invalid");
		assertProblem(upload(batchId, "\u0000\u0001binary"), 422, "relief.result-file-invalid");
		assertThat(approver.get("/api/v1/payment-batches/" + batchId).body()).contains("\"status\":\"BATCHED\"");
		assertProblem(clerk.json("POST", "/api/v1/payment-batches", ""), 403, "relief.not-allowed");
	}

	@Test
	void issuesOnlyAFailedOrderAgain() {
		String decision = approvedDecision("700");
		String batchId = idOf(approver.json("POST", "/api/v1/payment-batches", ""));
		String order = onlyOrderOf(decision, "BATCHED");
		assertProblem(approver.json("POST", "/api/v1/payment-orders/" + order + "/reissue", "{}"), 409,
				"relief.order-not-failed");
		upload(batchId, "order,result,bank_reference,reason\n" + order + ",失败,,账户已销户\n");

		Page reissued = approver.json("POST", "/api/v1/payment-orders/" + order + "/reissue",
				"{\"payeeAccount\": \"6217 0000 1234 5678 901\", \"payeeBank\": \"中国建设银行共和支行\"}");
		assertThat(reissued.body()).contains("\"attempt\":2").contains("\"status\":\"PENDING\"")
			.contains("6217 **** **** 8901").doesNotContain("6217000012345678901");
		assertProblem(approver.json("POST", "/api/v1/payment-orders/" + order + "/reissue", "{}"), 409,
				"relief.order-live");
		assertThat(approver.get("/api/v1/decisions/" + decision + "/payment-orders").body())
			.contains("账户已销户").contains("\"attempt\":1").contains("\"attempt\":2");
	}

	@Test
	void refusesOrdersAndStepsOutsideTheCallersAreaInsteadOfAnsweringAnEmptyList() {
		String decision = approvedDecision("600");
		String caseNumber = handler.get("/api/v1/decisions/" + decision).body()
			.replaceAll("(?s).*\"caseNumber\":\"([^\"]+)\".*", "$1");
		Visitor elsewhere = StaffFixtures.signedIn(port, StaffFixtures.from(context)
			.active(StaffFixtures.QIABUQIA, UnitKind.TOWNSHIP_GOVERNMENT, Role.TOWNSHIP_APPROVER));
		assertThat(approver.get("/api/v1/decisions/" + decision + "/payment-orders").body()).contains("\"attempt\":1");
		assertThat(approver.get("/api/v1/supervision/cases/" + caseNumber + "/steps").body()).contains("\"kind\"");

		assertProblem(elsewhere.get("/api/v1/decisions/" + decision + "/payment-orders"), 403, "relief.out-of-scope");
		assertProblem(elsewhere.get("/api/v1/supervision/cases/" + caseNumber + "/steps"), 403,
				"casework.out-of-scope");
		assertProblem(approver.get("/api/v1/decisions/" + java.util.UUID.randomUUID() + "/payment-orders"), 404,
				"relief.decision-not-found");
		assertThat(approver.get("/api/v1/supervision/cases/JJC-19990101-999999/steps").status()).isEqualTo(404);
	}

	@Test
	void leavesNothingHalfBatchedWhenTheBatchDiesInTheMiddle() throws Exception {
		String decision = approvedDecision("900");
		String order = onlyOrderOf(decision, "PENDING");
		Page died;
		try (Connection blocker = dataSource.getConnection()) {
			blocker.setAutoCommit(false);
			try (Statement statement = blocker.createStatement()) {
				statement.execute("lock table relief_payment_batch in share mode");
			}
			CompletableFuture<Page> batching = CompletableFuture
				.supplyAsync(() -> approver.json("POST", "/api/v1/payment-batches", ""));
			// the batch has claimed its orders and waits to write itself: the node dies now
			await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
					select count(*) from pg_stat_activity
					 where wait_event_type = 'Lock' and query like '%insert into relief_payment_batch%'""")
				.query(Long.class)
				.single() == 1);
			jdbc.sql("""
					select pg_terminate_backend(pid) from pg_stat_activity
					 where wait_event_type = 'Lock' and query like '%insert into relief_payment_batch%'""")
				.query()
				.listOfRows();
			died = batching.get();
			blocker.rollback();
		}
		assertThat(died.status()).isGreaterThanOrEqualTo(500);
		assertThat(onlyOrderOf(decision, "PENDING")).isEqualTo(order);

		Page batch = approver.json("POST", "/api/v1/payment-batches", "");
		assertThat(batch.status()).as(batch.body()).isEqualTo(201);
		assertThat(batch.body()).contains(order);
		assertThat(jdbc.sql("select count(*) from relief_payment_order where decision_id = cast(:id as uuid)")
			.param("id", decision)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void putsEachOrderInOneBatchWhenTwoPayersBatchAtOnce() throws Exception {
		List<String> decisions = List.of(approvedDecision("100"), approvedDecision("200"), approvedDecision("300"));
		var barrier = new CyclicBarrier(2);
		var pool = Executors.newFixedThreadPool(2);
		List<Integer> statuses = pool.invokeAll(List.<java.util.concurrent.Callable<Page>>of(() -> {
			barrier.await();
			return approver.json("POST", "/api/v1/payment-batches", "");
		}, () -> {
			barrier.await();
			return colleague.json("POST", "/api/v1/payment-batches", "");
		})).stream().map(answer -> {
			try {
				return answer.get().status();
			}
			catch (Exception failed) {
				throw new IllegalStateException(failed);
			}
		}).toList();
		pool.shutdown();

		assertThat(statuses).contains(201).allMatch(status -> status == 201 || status == 422);
		for (String decision : decisions) {
			onlyOrderOf(decision, "BATCHED");
		}
	}

	@Test
	void handsOutApprovedGoodsOnceFromTheStock() {
		String reference = "WZ-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		Page received = reviewer.json("POST", "/api/v1/goods-stocks/632521102/receipts",
				"{\"item\": \"棉被\", \"unit\": \"床\", \"quantity\": 10, \"reference\": \"" + reference + "\"}");
		assertThat(received.status()).as(received.body()).isEqualTo(200);
		int before = stockOf("棉被");
		String decision = approvedGoods();

		Page handed = reviewer.json("POST", "/api/v1/decisions/" + decision + "/goods-handout",
				"[{\"item\": \"棉被\", \"unit\": \"床\", \"quantity\": 4}]");
		assertThat(handed.status()).as(handed.body()).isEqualTo(200);
		assertThat(stockOf("棉被")).isEqualTo(before - 4);
		assertProblem(reviewer.json("POST", "/api/v1/decisions/" + decision + "/goods-handout",
				"[{\"item\": \"棉被\", \"unit\": \"床\", \"quantity\": 4}]"), 409, "relief.goods-handed-out");
		assertProblem(reviewer.json("POST", "/api/v1/decisions/" + approvedGoods() + "/goods-handout",
				"[{\"item\": \"棉被\", \"unit\": \"床\", \"quantity\": 100000}]"), 422, "relief.goods-short");
		assertThat(stockOf("棉被")).isEqualTo(before - 4);

		String caseNumber = handler.get("/api/v1/decisions/" + decision).body()
			.replaceAll("(?s).*\"caseNumber\":\"([^\"]+)\".*", "$1");
		assertThat(handler.get("/api/v1/cases/" + caseNumber + "/assistance-chain").body())
			.as("the household's history keeps goods apart from cash")
			.contains("\"amount\":0.00,\"goodsValue\":400.00,\"goods\":\"棉被 4 床\"")
			.contains("\"totals\":{\"TEMPORARY\":0.00}")
			.contains("\"goodsValues\":{\"TEMPORARY\":400.00}");
		assertThat(handler.get("/cases/" + caseNumber + "/relief").body()).contains("临时救助 现金 0 元")
			.contains("临时救助 实物折价 400 元").contains("棉被 4 床（折价 400 元）");
	}

	private int stockOf(String item) {
		return Integer.parseInt(reviewer.get("/api/v1/goods-stocks/632521102").body()
			.replaceAll("(?s).*\"item\":\"" + item + "\",\"unit\":\"[^\"]+\",\"quantity\":([0-9]+).*", "$1"));
	}

	private String approvedGoods() {
		String number = investigatedCase();
		String decision = idOf(handler.json("POST", "/api/v1/cases/" + number + "/decisions", """
				{"cause": "FIRE", "band": "一档", "persons": 4, "urban": false, "cashAmount": 0,
				 "goods": "棉被 4 床", "goodsValue": 400}"""));
		reviewer.json("POST", "/api/v1/decisions/" + decision + "/review", "");
		assertThat(approver.json("POST", "/api/v1/decisions/" + decision + "/approval", "").status()).isEqualTo(200);
		return decision;
	}

	private String approvedDecision(String cash) {
		String number = investigatedCase();
		String decision = idOf(handler.json("POST", "/api/v1/cases/" + number + "/decisions",
				ReliefStaff.proposal(cash, "")));
		reviewer.json("POST", "/api/v1/decisions/" + decision + "/review", "");
		Page approved = approver.json("POST", "/api/v1/decisions/" + decision + "/approval", "");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		return decision;
	}

	private String investigatedCase() {
		String number = CaseFixtures.acceptedCase(clerk, handler, """
				{"channel": "WINDOW", "urgency": "EMERGENCY", "reporterName": "邻居", "reporterRelation": "NEIGHBOUR",
				 "reporterPhone": "13909748888", "subjectName": "才让", "village": "632521102202",
				 "description": "房屋失火，无处居住", "causes": ["FIRE"]}""");
		CaseFixtures.linkedToNewPerson(handler, number);
		handler.json("POST", "/api/v1/cases/" + number + "/transitions", "{\"to\": \"INVESTIGATING\"}");
		return number;
	}

	private String onlyOrderOf(String decision, String status) {
		String orders = approver.get("/api/v1/decisions/" + decision + "/payment-orders").body();
		assertThat(orders.split("\"attempt\":", -1)).as(orders).hasSize(2);
		assertThat(orders).contains("\"status\":\"" + status + "\"");
		return orders.replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
	}

	private Page upload(String batchId, String content) {
		String boundary = "----jijinan" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"result.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return approver.send(HttpRequest.newBuilder(approver.uri("/api/v1/payment-batches/" + batchId + "/bank-results"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-CSRF-TOKEN", approver.csrf())
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	private static String hmac(String content) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(BANK_KEY, "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
	}

}
