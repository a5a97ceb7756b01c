package org.jijinan;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Makes the OpenAPI document at {@code /v3/api-docs} describe the API as it is.
 * <p>
 * Schema names: springdoc names a schema after its class's simple name, so two nested records both called
 * {@code Order} (a casework referral and a supervision order) became one schema and one of them was documented
 * wrongly. Types nested in another class of the platform are named after their declaring class instead
 * ({@link #schemaName(Class)}); {@code OpenApiDocumentTests} fails when two types still share a name.
 * <p>
 * Operation ids: springdoc used the Java method's name and numbered repeats ({@code find_3}, {@code submit_1}), so
 * an id changed whenever another controller gained a method of the same name. Ids are now
 * {@code <resource>.<method>} ({@code case.find}, {@code helpRequest.submit}), and operations are tagged with their
 * module.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	/** Schema names handed out so far, with the type each one stands for. */
	static final Map<String, Class<?>> NAMED = new ConcurrentHashMap<>();

	/**
	 * Replaces swagger-core's model resolver (springdoc swaps a registered converter of the same class for a bean)
	 * with one that names schemas by {@link #schemaName(Class)}. Ordered first, so that springdoc's own converters
	 * stay in front of it in the chain.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ModelResolver modelResolver(SpringDocConfigProperties properties) {
		boolean openapi31 = properties.isOpenapi31();
		ModelResolver resolver = new ModelResolver(openapi31 ? Json31.mapper() : Json.mapper(), new SchemaNames());
		return resolver.openapi31(openapi31);
	}

	/**
	 * Names each operation {@code <resource>.<method>} unless its {@code @Operation} names it, and tags it with the
	 * module it belongs to.
	 */
	@Bean
	OperationCustomizer operationIds() {
		return (operation, handler) -> {
			var declared = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
			if (declared == null || declared.operationId().isEmpty()) {
				operation.setOperationId(operationId(handler.getBeanType(), handler.getMethod().getName()));
			}
			String module = handler.getBeanType().getPackageName().substring("org.jijinan.".length());
			operation.setTags(List.of(module));
			return operation;
		};
	}

	/**
	 * @param controller the controller class
	 * @param method the handler method's name
	 * @return {@code <resource>.<method>}, the resource being the controller's name without
	 * {@code Controller}/{@code Api}/{@code Endpoint}/{@code Pages}, in lower camel case
	 */
	static String operationId(Class<?> controller, String method) {
		String resource = controller.getSimpleName().replaceFirst("(Controller|Api|Endpoint|Pages)$", "");
		return resource.substring(0, 1).toLowerCase(Locale.ROOT) + resource.substring(1) + "." + method;
	}

	/**
	 * The schema name of a type: its simple name, or for a type nested in another class of the platform, the
	 * declaring class's name (without {@code Controller}/{@code Api}) qualifying it: {@code TaskController.Order} is
	 * {@code TaskOrder}, {@code SupervisionOrders.Order} is {@code SupervisionOrder}, {@code ReserveFund.Ledger} is
	 * {@code ReserveFundLedger}, and {@code Contracts.ContractView}, already qualified, stays {@code ContractView}.
	 *
	 * @param type a class
	 * @return its schema name
	 */
	static String schemaName(Class<?> type) {
		Class<?> outer = type.getEnclosingClass();
		if (outer == null || type.isAnonymousClass() || !type.getName().startsWith("org.jijinan.")) {
			return type.getSimpleName();
		}
		String prefix = schemaName(outer).replaceFirst("(Controller|Api|Endpoint)$", "");
		String simple = type.getSimpleName();
		String stem = prefix.endsWith("s") && !prefix.endsWith("ss") ? prefix.substring(0, prefix.length() - 1)
				: prefix;
		if (stem.endsWith(simple)) {
			return stem;
		}
		if (simple.startsWith(stem)) {
			return simple;
		}
		return prefix + simple;
	}

	/**
	 * swagger-core's type names with {@link #schemaName(Class)} for the platform's own classes.
	 */
	static final class SchemaNames extends TypeNameResolver {

		@Override
		protected String getNameOfClass(Class<?> type) {
			if (!type.getName().startsWith("org.jijinan.")) {
				return super.getNameOfClass(type);
			}
			String name = schemaName(type);
			NAMED.putIfAbsent(name, type);
			return name;
		}

	}

}
