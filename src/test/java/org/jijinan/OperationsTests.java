package org.jijinan;

import org.jijinan.Visitor.Page;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@SystemTest
class OperationsTests {

	@LocalServerPort
	int port;

	@Test
	void publishesTheOpenApiDocumentOfTheApi() {
		Page document = new Visitor(port).get("/v3/api-docs");

		assertThat(document.status()).isEqualTo(200);
		assertThat(document.body()).contains("\"openapi\"").contains("/api/v1/regions/{code}")
			.contains("/api/v1/accounts").doesNotContain("/admin/");
	}

	@Test
	void keepsActuatorOffThePublicPort() {
		Visitor anonymous = new Visitor(port);

		assertThat(anonymous.get("/actuator/health").status()).isNotEqualTo(200);
		assertThat(anonymous.get("/actuator/prometheus").status()).isNotEqualTo(200);
	}

}
