package org.jijinan;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MapSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springdoc.core.properties.SpringDocConfigProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.multipart.MultipartFile;

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
 * <p>
 * Answers: every error is {@code application/problem+json} with the shared {@code ProblemDetail} schema (400, 401,
 * 403 and 429, and where they can happen 404, 409, 413, 415 and 422), uploads are {@code multipart/form-data} whatever the mapping
 * declares, and answers are {@code application/json} unless the operation documents a file.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
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

	/** The media type of every error answer. */
	static final String PROBLEM_JSON = "application/problem+json";

	private static final Map<String, String> PROBLEM_STATUSES = Map.of("400",
			"Malformed input: a field, parameter or body of the wrong shape (`request.*` codes name the field)", "401",
			"Not signed in, or the access token is invalid (`security.unauthenticated`, `security.token-invalid`)",
			"403", "Not allowed, or outside the caller's scope (`security.access-denied`, `*.not-allowed`, "
					+ "`*.out-of-scope`, `security.csrf-token-invalid`)",
			"404", "Unknown (`*-not-found`)", "409",
			"Conflicts with the stored state: an illegal transition, a concurrent change, a duplicate",
			"422", "Well-formed but breaks a rule", "413",
			"The uploaded file is larger than the platform accepts (`request.http-413`)", "415",
			"The body is not of a media type the operation reads (`request.http-415`)", "429",
			"A partner system called more often than its rate limit allows (`security.partner-rate-limited`); "
					+ "the `Retry-After` header says when to try again");

	/**
	 * Describes the API and its errors: the title, the {@code ProblemDetail} schema and the problem answers of every
	 * operation (see docs/problems/README.md for the codes).
	 */
	@Bean
	OpenApiCustomizer problemAnswers() {
		return api -> {
			api.info(new Info().title("救急难 jijinan API")
				.version("v1")
				.description("The county emergency-assistance platform's API. Sign in with a session and CSRF token, "
						+ "a personal token or a partner client's token (`POST /api/v1/oauth2/token`). Errors are "
						+ "RFC 9457 problem details whose `code` is the stable contract; the codes are listed in "
						+ "docs/problems/README.md."));
			api.getComponents().addSchemas("ProblemDetail", problemSchema());
			api.getComponents().getSchemas().forEach((name, schema) -> requirePrimitives(NAMED.get(name), schema));
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				ApiResponses responses = operation.getResponses();
				boolean reads = method == PathItem.HttpMethod.GET;
				boolean body = operation.getRequestBody() != null;
				boolean upload = body && operation.getRequestBody().getContent() != null && operation.getRequestBody()
					.getContent()
					.containsKey(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE);
				for (String status : List.of("400", "401", "403", "404", "409", "413", "415", "422", "429")) {
					boolean applies = switch (status) {
						case "404" -> !reads || path.contains("{");
						case "409", "422" -> !reads;
						case "413" -> upload;
						case "415" -> body;
						default -> true;
					};
					if (applies && !responses.containsKey(status)) {
						responses.addApiResponse(status, new ApiResponse().description(PROBLEM_STATUSES.get(status))
							.content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
								.schema(new Schema<>().$ref("#/components/schemas/ProblemDetail")))));
					}
				}
			}));
		};
	}

	/**
	 * A record component of a primitive type cannot be left out (Jackson refuses a missing or null primitive), so
	 * it is required: {@code PersonSearch.page} and {@code size} were documented as optional.
	 */
	@SuppressWarnings("rawtypes")
	private static void requirePrimitives(@org.jspecify.annotations.Nullable Class<?> type, Schema schema) {
		if (type == null || !type.isRecord() || schema.getProperties() == null) {
			return;
		}
		for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
			if (component.getType().isPrimitive() && schema.getProperties().containsKey(component.getName())
					&& (schema.getRequired() == null || !schema.getRequired().contains(component.getName()))) {
				schema.addRequiredItem(component.getName());
			}
		}
	}

	private static Schema<?> problemSchema() {
		return new ObjectSchema().description("An RFC 9457 problem, in the caller's language")
			.addProperty("type", new StringSchema().format("uri").description("https://…/problems/<code>"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema().format("uri"))
			.addProperty("code", new StringSchema().description("The stable code clients switch on"))
			.addProperty("messages", new MapSchema().additionalProperties(new StringSchema())
				.description("The detail in zh-CN and en"))
			.addProperty("field", new StringSchema().description("For an invalid field, its name or JSON path"))
			.addProperty("rows",
					new ArraySchema().items(new ObjectSchema().addProperty("line", new IntegerSchema())
						.addProperty("code", new StringSchema())
						.addProperty("detail", new StringSchema()))
						.description("For a refused import, every rejected row"))
			.addProperty("reference", new StringSchema().description("For a 500, the log entry's reference"))
			.required(List.of("type", "title", "status", "code"));
	}

	/**
	 * Documents uploads as {@code multipart/form-data}: springdoc took the default JSON for a
	 * {@code @RequestPart} without {@code consumes}, though the server only reads multipart.
	 */
	@Bean
	OperationCustomizer multipartUploads() {
		return (operation, handler) -> {
			boolean upload = java.util.Arrays.stream(handler.getMethodParameters())
				.anyMatch(parameter -> MultipartFile.class.isAssignableFrom(parameter.getParameterType()));
			if (upload && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
				Content content = operation.getRequestBody().getContent();
				MediaType form = content.get(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE);
				if (form == null) {
					form = content.values().iterator().next();
				}
				operation.getRequestBody()
					.content(new Content().addMediaType(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE,
							form));
			}
			return operation;
		};
	}

	/**
	 * Documents a parameter of one of the platform's identifier types (a record around a UUID, such as
	 * {@code AccountId}) as a UUID. springdoc documented it after whichever converter to the type it came upon first,
	 * from {@code String} or from {@code UUID}, and which one that was changed from one start to the next: the served
	 * document, and so the committed one, gained and lost {@code format: uuid} at random.
	 */
	@Bean
	ParameterCustomizer identifierParameters() {
		return (parameter, handlerParameter) -> {
			Class<?> type = handlerParameter.getParameterType();
			if (parameter != null && type.isRecord() && type.getName().startsWith("org.jijinan.")
					&& type.getRecordComponents().length == 1
					&& type.getRecordComponents()[0].getType() == java.util.UUID.class) {
				parameter.setSchema(new StringSchema().format("uuid"));
			}
			return parameter;
		};
	}

	/**
	 * Names each operation {@code <resource>.<method>} unless its {@code @Operation} names it, and tags it with the
	 * module it belongs to.
	 */
	@Bean
	OperationCustomizer operationIds() {
		return (Operation operation, org.springframework.web.method.HandlerMethod handler) -> {
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
