package org.jijinan.region;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DeploymentMode;
import org.jijinan.shared.DivisionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * In demo mode, adds a few invented villages under each current township of Gonghe County on the first start. They
 * are flagged as demo data and never loaded on an external database.
 */
@Component
@Order(10)
class DemoVillages implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoVillages.class);

	private static final DivisionCode GONGHE = new DivisionCode("632521");

	private final DeploymentMode mode;

	private final DivisionImport importer;

	private final JdbcClient jdbc;

	DemoVillages(DeploymentMode mode, DivisionImport importer, JdbcClient jdbc) {
		this.mode = mode;
		this.importer = importer;
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments arguments) throws IOException {
		if (!mode.demo() || alreadyLoaded()) {
			return;
		}
		try (Reader csv = new InputStreamReader(new ClassPathResource("demo/villages.csv").getInputStream(),
				StandardCharsets.UTF_8)) {
			int added = importer.run(csv, new Loader(), true);
			log.info("Demo mode: added {} demo villages", added);
		}
	}

	private boolean alreadyLoaded() {
		return jdbc.sql("select exists (select 1 from region_division where demo)").query(Boolean.class).single();
	}

	private static final class Loader implements Caller {

		@Override
		public String name() {
			return "system:demo";
		}

		@Override
		public Set<String> roles() {
			return Set.of();
		}

		@Override
		public DivisionCode regionScope() {
			return GONGHE;
		}

	}

}
