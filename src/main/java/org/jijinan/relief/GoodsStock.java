package org.jijinan.relief;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.AuditableEvent;
import org.jijinan.shared.Caller;
import org.jijinan.shared.Conflict;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.Forbidden;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.RuleViolation;
import org.jijinan.shared.WrittenText;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The township goods ledger (救助物资台账): receipts into stock and goods handed out for approved decisions. Stock never
 * goes below zero (one conditional update per item) and a decision's goods are handed out once.
 */
@Service
public class GoodsStock {

	static final Set<String> KEEPERS = Set.of("TOWNSHIP_REVIEWER", "TOWNSHIP_APPROVER", "COUNTY_REVIEWER",
			"COUNTY_APPROVER");

	private final JdbcClient jdbc;

	private final RegionDirectory regions;

	private final Decisions decisions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	GoodsStock(JdbcClient jdbc, RegionDirectory regions, Decisions decisions, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.decisions = decisions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * @return the township's stock, by item
	 */
	@Transactional(readOnly = true)
	public List<Item> stock(DivisionCode township, Caller caller) {
		keeper(township, caller);
		return jdbc.sql("select item, unit, quantity from relief_goods_stock where township = :township order by item")
			.param("township", township.value())
			.query((row, n) -> new Item(row.getString(1), row.getString(2), row.getInt(3)))
			.list();
	}

	/**
	 * Takes goods into stock; one delivery note counts once per item.
	 */
	@Transactional
	public List<Item> receive(DivisionCode township, Item item, String reference, Caller caller) {
		keeper(township, caller);
		String name = WrittenText.required(item.item(), 1, 40, "relief.goods-item-required");
		String unit = WrittenText.required(item.unit(), 1, 10, "relief.goods-item-required");
		quantity(item.quantity());
		String ref = WrittenText.required(reference, 2, 80, "relief.reference-required");
		jdbc.sql("""
				insert into relief_goods_stock (township, township_path, item, unit, quantity)
				values (:township, :path, :item, :unit, :quantity)
				on conflict (township, item) do update set quantity = relief_goods_stock.quantity + excluded.quantity""")
			.param("township", township.value())
			.param("path", regions.path(township))
			.param("item", name)
			.param("unit", unit)
			.param("quantity", item.quantity())
			.update();
		entry(township, name, "RECEIPT", item.quantity(), ref, caller.name(), "relief.goods-reference-used");
		return stock(township, caller);
	}

	/**
	 * Hands out the goods of an approved decision from its township's stock, all items or none.
	 */
	@Transactional
	public List<Item> handOut(UUID decisionId, List<Item> items, Caller caller) {
		Decision decision = decisions.findById(decisionId)
			.orElseThrow(() -> new org.jijinan.shared.NotFound("relief.decision-not-found"));
		DecisionView view = decision.view();
		keeper(view.township(), caller);
		if (decision.status() != DecisionStatus.APPROVED || view.goods() == null) {
			throw new Conflict("relief.no-goods-approved");
		}
		if (items.isEmpty()) {
			throw new InvalidInput("relief.goods-item-required");
		}
		for (Item item : items) {
			quantity(item.quantity());
			if (take(view.township(), item.item(), item.quantity()).isEmpty()) {
				throw new RuleViolation("relief.goods-short", item.item());
			}
			entry(view.township(), item.item(), "HANDOUT", item.quantity(), decisionId.toString(), caller.name(),
					"relief.goods-handed-out");
		}
		events.publishEvent(new GoodsHandedOut(decisionId, view.caseNumber(), caller.name()));
		return stock(view.township(), caller);
	}

	/**
	 * Takes goods out of the township's stock for an emergency grant, inside the grant's transaction: all of them or
	 * none, never more than is on hand, each entered on the ledger under the grant's voucher number.
	 * @return what was taken, with its unit (the same item asked for twice is taken once, added up)
	 */
	List<Item> issue(DivisionCode township, List<Issue> wanted, String voucher, String by) {
		Map<String, Integer> merged = new LinkedHashMap<>();
		for (Issue issue : wanted) {
			String name = WrittenText.required(issue.item(), 1, 40, "relief.goods-item-required");
			quantity(issue.quantity());
			merged.merge(name, issue.quantity(), Integer::sum);
		}
		List<Item> taken = new ArrayList<>();
		merged.forEach((name, quantity) -> {
			quantity(quantity);
			String unit = take(township, name, quantity).orElseThrow(() -> shortOf(township, name, quantity));
			entry(township, name, "HANDOUT", quantity, voucher, by, "relief.goods-handed-out");
			taken.add(new Item(name, unit, quantity));
		});
		return taken;
	}

	/**
	 * @return the township's ledger of goods received and handed out, newest first; a decision's handout named by
	 * its case
	 */
	@Transactional(readOnly = true)
	public List<Entry> entries(DivisionCode township, Caller caller) {
		keeper(township, caller);
		return jdbc.sql("""
				select e.item, coalesce(s.unit, '') as unit, e.kind, e.quantity,
				       coalesce(d.case_number, e.reference) as reference, e.entered_by, e.entered_at
				  from relief_goods_entry e
				  left join relief_goods_stock s on s.township = e.township and s.item = e.item
				  left join relief_decision d on e.kind = 'HANDOUT' and d.id::text = e.reference
				 where e.township = :township order by e.entered_at desc limit 500""")
			.param("township", township.value())
			.query((row, n) -> new Entry(row.getString(1), row.getString(2), row.getString(3), row.getInt(4),
					row.getString(5), row.getString(6), row.getTimestamp(7).toInstant()))
			.list();
	}

	/**
	 * @return the unit of the item when that many were taken from stock; empty when fewer are on hand
	 */
	private Optional<String> take(DivisionCode township, String item, int quantity) {
		return jdbc.sql("""
				update relief_goods_stock set quantity = quantity - :quantity
				 where township = :township and item = :item and quantity >= :quantity
				returning unit""")
			.param("quantity", quantity)
			.param("township", township.value())
			.param("item", item)
			.query(String.class)
			.optional();
	}

	private RuleViolation shortOf(DivisionCode township, String item, int wanted) {
		return jdbc.sql("select unit, quantity from relief_goods_stock where township = :township and item = :item")
			.param("township", township.value())
			.param("item", item)
			.query((row, n) -> new RuleViolation("relief.goods-over-stock", item, row.getInt(2), row.getString(1),
					wanted))
			.optional()
			.orElseGet(() -> new RuleViolation("relief.goods-not-in-stock", item));
	}

	private void entry(DivisionCode township, String item, String kind, int quantity, String reference, String by,
			String repeatedProblem) {
		try {
			jdbc.sql("""
					insert into relief_goods_entry (id, township, item, kind, quantity, reference, entered_by, entered_at)
					values (:id, :township, :item, :kind, :quantity, :reference, :by, :at)""")
				.param("id", UUID.randomUUID())
				.param("township", township.value())
				.param("item", item)
				.param("kind", kind)
				.param("quantity", quantity)
				.param("reference", reference)
				.param("by", by)
				.param("at", Timestamp.from(clock.instant()))
				.update();
		}
		catch (DuplicateKeyException repeated) {
			throw new Conflict(repeatedProblem, reference);
		}
	}

	private void keeper(DivisionCode township, Caller caller) {
		if (caller.regionScope() == null || regions.find(township).isEmpty()
				|| !regions.isWithin(township, caller.regionScope())) {
			throw new Forbidden("relief.out-of-scope");
		}
		if (caller.roles().stream().noneMatch(KEEPERS::contains)) {
			throw new Forbidden("relief.not-allowed");
		}
	}

	private static void quantity(int quantity) {
		if (quantity < 1 || quantity > 100_000) {
			throw new RuleViolation("relief.goods-quantity-invalid");
		}
	}

	/**
	 * Goods of one kind.
	 *
	 * @param item what (棉被, 大米 …)
	 * @param unit the unit (床, 袋 …)
	 * @param quantity how many
	 */
	public record Item(String item, String unit, int quantity) {
	}

	/**
	 * Goods asked for from the township's stock.
	 *
	 * @param item the stock item (棉被, 大米 …)
	 * @param quantity how many, in the item's unit
	 */
	public record Issue(@Nullable String item, int quantity) {
	}

	/**
	 * One movement of the goods ledger.
	 *
	 * @param item what
	 * @param unit its unit
	 * @param kind {@code RECEIPT} (入库) or {@code HANDOUT} (发放)
	 * @param quantity how many
	 * @param reference the delivery note, the emergency grant's voucher number or the decision's case
	 * @param enteredBy who
	 * @param enteredAt when
	 */
	public record Entry(String item, String unit, String kind, int quantity, String reference, String enteredBy,
			Instant enteredAt) {
	}

	record GoodsHandedOut(UUID decisionId, String caseNumber, String by) implements AuditableEvent {

		@Override
		public String auditAction() {
			return "relief.goods-handed-out";
		}

		@Override
		public String auditSubjectType() {
			return "relief-decision";
		}

		@Override
		public String auditSubjectId() {
			return decisionId.toString();
		}

		@Override
		public Map<String, String> auditDetails() {
			return Map.of("case", caseNumber);
		}

	}


}
