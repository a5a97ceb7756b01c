package org.jijinan;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test against the whole platform on a random port. Every system test uses exactly this configuration, so they
 * share one application context and one embedded PostgreSQL.
 */
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "jijinan.identity.totp-required-for=SUPERVISOR", "jijinan.people.import-batch-size=50",
			"jijinan.people.import-max-rows=1001",
			"jijinan.relief.bank-file-key=dGVzdC1iYW5rLWtleS1zaGFyZWQtd2l0aC10aGUtYmFuay0wMQ==" })
@Import(TestPlatform.class)
public @interface SystemTest {
}
