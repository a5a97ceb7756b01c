package org.jijinan.relief;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
			int taken = jdbc.sql("""
					update relief_goods_stock set quantity = quantity - :quantity
					 where township = :township and item = :item and quantity >= :quantity""")
				.param("quantity", item.quantity())
				.param("township", view.township().value())
				.param("item", item.item())
				.update();
			if (taken == 0) {
				throw new RuleViolation("relief.goods-short", item.item());
			}
			entry(view.township(), item.item(), "HANDOUT", item.quantity(), decisionId.toString(), caller.name(),
					"relief.goods-handed-out");
		}
		events.publishEvent(new GoodsHandedOut(decisionId, view.caseNumber(), caller.name()));
		return stock(view.township(), caller);
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
