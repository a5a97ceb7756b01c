package org.jijinan;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document at {@code /v3/api-docs} is true to the API: one schema per Java type, stable operation ids,
 * real status codes and media types.
 */
@SystemTest
class OpenApiDocumentTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	JsonNode document() throws Exception {
		String body = new Visitor(port).get("/v3/api-docs").body();
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/api-docs.json"), body);
		return JsonMapper.builder().build().readTree(body);
	}

	/**
	 * {@code docs/api/openapi.json} is what partners read and what the partner client in the tests is generated from
	 * ({@code GeneratedClientJourneyTests}); it must be the document the platform serves. When the API changes, this
	 * test fails and leaves the new document in {@code target/openapi.json}: review the difference and copy it over,
	 * or run this test with {@code -Djijinan.api-document.write=true}.
	 */
	@Test
	void isTheDocumentCommittedForPartners() throws Exception {
		JsonNode served = document();
		((tools.jackson.databind.node.ObjectNode) served).remove("servers");
		String canonical = JsonMapper.builder()
			.enable(tools.jackson.databind.cfg.JsonNodeFeature.WRITE_PROPERTIES_SORTED)
			.enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT)
			.build()
			.writeValueAsString(served) + "\n";
		Files.writeString(Path.of("target/openapi.json"), canonical);
		Path committed = Path.of("docs/api/openapi.json");
		if (Boolean.getBoolean("jijinan.api-document.write")) {
			Files.writeString(committed, canonical);
		}
		assertThat(JsonMapper.builder().build().readTree(Files.readString(committed)))
			.as("docs/api/openapi.json is not the served document; see target/openapi.json")
			.isEqualTo(served);
	}

	/**
	 * Two types of one name would be one schema in the document, and one of them documented as the other.
	 */
	@Test
	void namesEverySchemaAfterOneJavaType() throws Exception {
		Map<String, Set<String>> typesByName = new TreeMap<>();
		Map<String, Class<?>> typeByName = new TreeMap<>();
		for (Class<?> type : apiTypes()) {
			String name = schemaName(type);
			typesByName.computeIfAbsent(name, any -> new TreeSet<>()).add(type.getName());
			typeByName.put(name, type);
		}
		assertThat(typesByName).as("schema names given to more than one Java type")
			.allSatisfy((name, types) -> assertThat(types).as(name).hasSize(1));

		JsonNode schemas = document().path("components").path("schemas");
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
			Class<?> type = typeByName.get(schema.getKey());
			if (type == null || !type.isRecord() || !schema.getValue().has("properties")) {
				continue;
			}
			Set<String> documented = new TreeSet<>(schema.getValue().path("properties").propertyNames());
			Set<String> components = new TreeSet<>();
			for (RecordComponent component : type.getRecordComponents()) {
				if (!component.getAccessor().isAnnotationPresent(JsonIgnore.class)
						&& !component.isAnnotationPresent(JsonIgnore.class)) {
					components.add(component.getName());
				}
			}
			if (!documented.containsAll(components)) {
				wrong.add(schema.getKey() + " documents " + documented + " but " + type.getName() + " has "
						+ components);
			}
		}
		assertThat(wrong).as("schemas whose properties are not their record's").isEmpty();
	}

	/**
	 * springdoc's own ids numbered repeats ({@code find_3}), so they changed when another controller gained a method.
	 */
	@Test
	void givesEveryOperationAStableUniqueId() throws Exception {
		List<String> ids = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document().path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				ids.add(operation.getValue().path("operationId").asString(""));
			}
		}
		assertThat(ids).hasSizeGreaterThan(150).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id)
			.matches("[a-z][A-Za-z]*\\.[a-z][A-Za-z0-9]*").doesNotContainPattern("_\\d+$"));
	}

	/**
	 * A partner reads in an operation's description who may call it and which problems it answers; 39 operations
	 * had a summary only.
	 */
	@Test
	void describesEveryOperation() throws Exception {
		Set<String> methods = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
		List<String> undescribed = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document().path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				if (methods.contains(operation.getKey())
						&& operation.getValue().path("description").asString("").isBlank()) {
					undescribed.add(operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
				}
			}
		}
		assertThat(undescribed).as("operations without a description").isEmpty();
	}

	/**
	 * Six POSTs answered 201 where 200 was documented, and bank results were documented as JSON.
	 */
	@Test
	void documentsTheAnsweredStatusesMediaTypesAndProblems() throws Exception {
		JsonNode document = document();
		Map<String, JsonNode> operations = new TreeMap<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				operations.put(operation.getValue().path("operationId").asString(), operation.getValue());
			}
		}
		List<String> wrong = new ArrayList<>();
		operations.forEach((id, operation) -> {
			if (operation.path("summary").asString("").isBlank()) {
				wrong.add(id + " has no summary");
			}
			if (!operation.path("responses").path("403").path("content").path("application/problem+json")
				.path("schema").path("$ref").asString("").endsWith("/ProblemDetail")) {
				wrong.add(id + " does not document its 403 as problem JSON");
			}
		});
		for (Map.Entry<String, Boolean> created : createdBySource().entrySet()) {
			JsonNode operation = operations.get(created.getKey());
			if (operation == null) {
				wrong.add(created.getKey() + " is not in the document");
			}
			else if (created.getValue() != operation.path("responses").has("201")) {
				wrong.add(created.getKey() + (created.getValue() ? " answers 201 but documents "
						: " documents 201 but answers ") + operation.path("responses").propertyNames());
			}
		}
		var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
			HandlerMethod handler = entry.getValue();
			if (entry.getKey().getPatternValues().stream().noneMatch(pattern -> pattern.startsWith("/api/"))) {
				continue;
			}
			boolean upload = java.util.Arrays.stream(handler.getMethodParameters())
				.anyMatch(parameter -> parameter.getParameterType() == org.springframework.web.multipart.MultipartFile.class);
			var declared = handler.getMethodAnnotation(io.swagger.v3.oas.annotations.Operation.class);
			String id = declared != null && !declared.operationId().isEmpty() ? declared.operationId()
					: ApiDocumentation.operationId(handler.getBeanType(), handler.getMethod().getName());
			if (upload && operations.containsKey(id) && !operations.get(id).path("requestBody").path("content")
				.has("multipart/form-data")) {
				wrong.add(id + " takes a file but does not document multipart/form-data");
			}
		}
		assertThat(wrong).isEmpty();
		JsonNode schemas = document.path("components").path("schemas");
		assertThat(schemas.path("PersonSearch").path("required").toString()).contains("\"page\"", "\"size\"");
		assertThat(schemas.path("InvestigationNewEvaluation").path("properties").path("outcome").path("enum").toString())
			.contains("AGREED", "DISAGREED");
		assertThat(operations.get("payment.bankFile").path("responses").path("200").path("content").has("text/csv"))
			.isTrue();
	}

	/**
	 * A description names each problem code after the status it is answered with (in "400 `a`/`b`, 422 `c`", `a`
	 * and `b` are 400s): "422 `pilot.date-invalid`" was documented for a 400, "422
	 * `supervision.reply-date-invalid`" too, and the claim of a need named a code it never answers.
	 */
	@Test
	void namesEachProblemCodeAfterTheStatusItIsAnsweredWith() throws Exception {
		Map<String, Set<Integer>> answered = problemStatusesBySource();
		assertThat(answered).as("codes found in the sources").hasSizeGreaterThan(300);
		var token = java.util.regex.Pattern.compile("\\b([1-5]\\d\\d)\\b|`([a-z][a-z-]*\\.[a-z0-9-]+)`");
		Map<String, String> descriptions = new TreeMap<>();
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document().path("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String id = operation.getValue().path("operationId").asString("");
				String description = operation.getValue().path("description").asString("");
				descriptions.put(id, description);
				int problems = description.indexOf("Problems:");
				if (problems < 0) {
					continue;
				}
				Integer status = null;
				var found = token.matcher(description.substring(problems));
				while (found.find()) {
					if (found.group(1) != null) {
						status = Integer.valueOf(found.group(1));
						continue;
					}
					Set<Integer> statuses = answered.get(found.group(2));
					if (status != null && statuses != null && !statuses.contains(status)) {
						wrong.add(id + " documents " + status + " `" + found.group(2) + "`, answered with " + statuses);
					}
				}
			}
		}
		assertThat(wrong).as("problem codes documented with another status than they answer").isEmpty();
		assertThat(descriptions.get("charity.claim")).as("a need another charity took answers need-taken")
			.contains("409 `charity.need-taken`")
			.doesNotContain("charity.need-not-open");
	}

	/**
	 * @return for each problem code thrown in the sources (as a {@code Forbidden}, {@code InvalidInput} …, or through
	 * {@code WrittenText.required} and {@code FormNumbers}), the statuses it is answered with
	 */
	private static Map<String, Set<Integer>> problemStatusesBySource() throws Exception {
		Map<String, Integer> kinds = Map.of("Forbidden", 403, "InvalidInput", 400, "RuleViolation", 422, "Conflict", 409,
				"NotFound", 404);
		String code = "\"([a-z][a-z-]*\\.[a-z0-9-]+)\"";
		var thrown = java.util.regex.Pattern
			.compile("new (?:[\\w.]+\\.)?(Forbidden|InvalidInput|RuleViolation|Conflict|NotFound)\\(\\s*" + code);
		Map<java.util.regex.Pattern, Integer> helpers = Map.of(
				java.util.regex.Pattern.compile("InvalidInput\\.inField\\(\\s*[^,;]+,\\s*" + code), 400,
				java.util.regex.Pattern.compile("WrittenText\\.required\\([^;]*?" + code + "\\s*\\)"), 400,
				java.util.regex.Pattern.compile("FormNumbers\\.(?:amount|count)\\([^;]*?" + code + "\\s*\\)"), 422);
		Map<String, Set<Integer>> statuses = new TreeMap<>();
		try (var files = Files.walk(Path.of("src/main/java/org/jijinan"))) {
			for (Path file : files.filter(file -> file.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				var found = thrown.matcher(source);
				while (found.find()) {
					statuses.computeIfAbsent(found.group(2), any -> new TreeSet<>()).add(kinds.get(found.group(1)));
				}
				helpers.forEach((helper, status) -> {
					var used = helper.matcher(source);
					while (used.find()) {
						statuses.computeIfAbsent(used.group(1), any -> new TreeSet<>()).add(status);
					}
				});
			}
		}
		return statuses;
	}

	/**
	 * @return for each API handler method in the sources, by operation id, whether it answers 201
	 */
	private static Map<String, Boolean> createdBySource() throws Exception {
		Map<String, Boolean> created = new TreeMap<>();
		var mapping = java.util.regex.Pattern.compile("\\n\\t@(Get|Post|Put|Delete|Patch)Mapping");
		var method = java.util.regex.Pattern.compile("\\n\\t[^@\\s][^\\n]*?\\s([a-zA-Z]+)\\(");
		try (var files = Files.walk(Path.of("src/main/java/org/jijinan"))) {
			for (Path file : files.filter(file -> file.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file);
				if (!source.contains("@RestController") || !source.contains("/api/")) {
					continue;
				}
				String name = Path.of("src/main/java").relativize(file).toString().replace('/', '.').replace(".java", "");
				Class<?> controller = Class.forName(name);
				var found = mapping.matcher(source);
				List<Integer> starts = new ArrayList<>();
				while (found.find()) {
					starts.add(found.start());
				}
				for (int i = 0; i < starts.size(); i++) {
					String chunk = source.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : source.length());
					var signature = method.matcher(chunk);
					if (signature.find() && chunk.startsWith("\n\t@Post")) {
						String id = ApiDocumentation.operationId(controller, signature.group(1));
						String before = source.substring(source.lastIndexOf("\n\n", starts.get(i)), starts.get(i));
						var explicit = java.util.regex.Pattern.compile("operationId = \"([^\"]+)\"").matcher(before);
						if (explicit.find()) {
							id = explicit.group(1);
						}
						String body = chunk.substring(0, Math.min(chunk.length(), chunk.indexOf("\n\t}") + 1));
						created.merge(id, body.contains("created(") || body.contains("HttpStatus.CREATED")
								|| body.contains("status(201)"), Boolean::logicalOr);
					}
				}
			}
		}
		return created;
	}

	private static String schemaName(Class<?> type) {
		Schema schema = type.getAnnotation(Schema.class);
		return schema != null && !schema.name().isEmpty() ? schema.name() : ApiDocumentation.schemaName(type);
	}

	/**
	 * The platform's types reachable from the API's handler methods: bodies, answers and their parts.
	 */
	private Set<Class<?>> apiTypes() {
		var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
		Set<Class<?>> types = new HashSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
			if (handler.getKey().getPatternValues().stream().noneMatch(pattern -> pattern.startsWith("/api/"))) {
				continue;
			}
			Method method = handler.getValue().getMethod();
			collect(method.getGenericReturnType(), types);
			for (MethodParameter parameter : handler.getValue().getMethodParameters()) {
				if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class)) {
					collect(parameter.getGenericParameterType(), types);
				}
			}
		}
		return types;
	}

	private static void collect(Type type, Set<Class<?>> types) {
		if (type instanceof ParameterizedType parameterized) {
			collect(parameterized.getRawType(), types);
			for (Type argument : parameterized.getActualTypeArguments()) {
				collect(argument, types);
			}
		}
		else if (type instanceof GenericArrayType array) {
			collect(array.getGenericComponentType(), types);
		}
		else if (type instanceof WildcardType wildcard) {
			for (Type bound : wildcard.getUpperBounds()) {
				collect(bound, types);
			}
		}
		else if (type instanceof Class<?> plain) {
			if (plain.isArray()) {
				collect(plain.getComponentType(), types);
				return;
			}
			if (!plain.getName().startsWith("org.jijinan.") || !types.add(plain)) {
				return;
			}
			if (plain.isRecord()) {
				for (RecordComponent component : plain.getRecordComponents()) {
					collect(component.getGenericType(), types);
				}
			}
		}
	}

}
