package org.jijinan.relief;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.jijinan.region.DivisionView;
import org.jijinan.region.RegionDirectory;
import org.jijinan.shared.DeploymentMode;
import org.jijinan.shared.DivisionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, gives every township of the demo county a reserve fund and some relief goods, so that emergency aid
 * and goods can be tried at once. Never on an external database.
 */
@Component
@Order(30)
class DemoReserves implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoReserves.class);

	private static final DivisionCode GONGHE = new DivisionCode("632521");

	private final DeploymentMode mode;

	private final RegionDirectory regions;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoReserves(DeploymentMode mode, RegionDirectory regions, JdbcClient jdbc, Clock clock) {
		this.mode = mode;
		this.regions = regions;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) {
		if (!mode.demo() || regions.find(GONGHE).isEmpty()
				|| jdbc.sql("select exists (select 1 from relief_reserve)").query(Boolean.class).single()) {
			return;
		}
		int townships = 0;
		for (DivisionView township : regions.children(GONGHE)) {
			if (township.validTo() != null) {
				continue;
			}
			String code = township.code().value();
			String path = regions.path(township.code());
			jdbc.sql("insert into relief_reserve (township, township_path, balance) values (:t, :p, 20000)")
				.param("t", code)
				.param("p", path)
				.update();
			topUpEntry(code);
			goods(code, path, "棉被", "床", 50);
			goods(code, path, "大米", "袋", 100);
			townships++;
		}
		log.info("Demo mode: gave {} townships a reserve fund of 20,000 yuan and relief goods", townships);
	}

	private void goods(String township, String path, String item, String unit, int quantity) {
		jdbc.sql("""
				insert into relief_goods_stock (township, township_path, item, unit, quantity)
				values (:t, :p, :item, :unit, :quantity)""")
			.param("t", township)
			.param("p", path)
			.param("item", item)
			.param("unit", unit)
			.param("quantity", quantity)
			.update();
		goodsEntry(township, item, quantity);
	}

	private void topUpEntry(String township) {
		jdbc.sql("""
				insert into relief_reserve_entry (id, township, kind, amount, balance_after, reference, note, entered_by,
				                                  entered_at)
				values (:id, :t, 'TOP_UP', 20000, 20000, :ref, '演示数据', 'system:demo', :at)""")
			.param("id", UUID.randomUUID())
			.param("t", township)
			.param("ref", "DEMO-" + township)
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

	private void goodsEntry(String township, String item, int quantity) {
		jdbc.sql("""
				insert into relief_goods_entry (id, township, item, kind, quantity, reference, entered_by, entered_at)
				values (:id, :t, :item, 'RECEIPT', :quantity, :ref, 'system:demo', :at)""")
			.param("id", UUID.randomUUID())
			.param("t", township)
			.param("item", item)
			.param("quantity", quantity)
			.param("ref", "DEMO-" + township)
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

}
