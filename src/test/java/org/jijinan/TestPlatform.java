package org.jijinan;

import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The one test configuration every Spring test imports, so that all of them share one application context (and one
 * embedded PostgreSQL) per web environment: a movable clock replaces the system clock.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestPlatform {

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock(ZoneId.of("Asia/Shanghai"));
	}

}
