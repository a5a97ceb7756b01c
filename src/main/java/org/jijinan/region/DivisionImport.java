package org.jijinan.region;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.ImportRejected;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.RowProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Reads divisions from CSV and stores them all or none. A row may name as parent a division stored earlier or one
 * on an earlier line; a successor may be anywhere in the file or already stored.
 */
@Component
class DivisionImport {

	static final int MAX_ROWS = 100_000;

	private static final String[] HEADER = { "code", "name", "level", "parent_code", "valid_from", "valid_to",
			"successor_code" };

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader(HEADER)
		.setSkipHeaderRecord(true)
		.setIgnoreEmptyLines(true)
		.setTrim(true)
		.get();

	private final Divisions divisions;

	private final ApplicationEventPublisher events;

	DivisionImport(Divisions divisions, ApplicationEventPublisher events) {
		this.divisions = divisions;
		this.events = events;
	}

	int run(Reader csv, Caller caller, boolean demo) {
		List<RowProblem> problems = new ArrayList<>();
		Map<DivisionCode, Division> added = new LinkedHashMap<>();
		try (CSVParser parser = CSVParser.parse(csv, FORMAT)) {
			for (CSVRecord row : parser) {
				if (row.getRecordNumber() > MAX_ROWS) {
					throw new ImportRejected("region.import-too-large", List.of(new RowProblem(
							row.getRecordNumber() + 1, "region.import-too-many-rows", MAX_ROWS)));
				}
				try {
					Division division = place(read(row, demo), added, caller);
					added.put(division.code(), division);
				}
				catch (DomainProblem problem) {
					problems.add(new RowProblem(row.getRecordNumber() + 1, problem.code(), problem.arguments()));
				}
			}
		}
		catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException unreadable) {
			throw new ImportRejected("region.import-unreadable", List.of());
		}
		checkSuccessors(added, problems);
		if (!problems.isEmpty()) {
			throw new ImportRejected("region.import-rejected", problems);
		}
		if (added.isEmpty()) {
			throw new ImportRejected("region.import-empty", List.of());
		}
		divisions.saveAll(added.values());
		events.publishEvent(new DivisionsImported(added.size(), added.keySet().iterator().next().value()));
		return added.size();
	}

	private Division place(NewDivision spec, Map<DivisionCode, Division> added, Caller caller) {
		if (added.containsKey(spec.code()) || divisions.existsById(spec.code())) {
			throw new InvalidInput("region.code-exists", spec.code());
		}
		Division parent = null;
		if (spec.parentCode() != null) {
			parent = added.containsKey(spec.parentCode()) ? added.get(spec.parentCode())
					: divisions.findById(spec.parentCode())
						.orElseThrow(() -> new InvalidInput("region.unknown-parent", spec.parentCode()));
		}
		Division division = Division.under(parent, spec);
		if (!inScope(division, caller)) {
			throw new InvalidInput("region.outside-caller-scope", spec.code());
		}
		return division;
	}

	private boolean inScope(Division division, Caller caller) {
		DivisionCode scope = caller.regionScope();
		return scope != null && division.ancestry().contains("/" + scope.value() + "/");
	}

	private void checkSuccessors(Map<DivisionCode, Division> added, List<RowProblem> problems) {
		long line = 1;
		for (Division division : added.values()) {
			line++;
			DivisionCode successor = division.view().successorCode();
			if (successor != null && !added.containsKey(successor) && !divisions.existsById(successor)) {
				problems.add(new RowProblem(line, "region.unknown-successor", successor));
			}
		}
	}

	private static NewDivision read(CSVRecord row, boolean demo) {
		if (!row.isConsistent()) {
			throw new InvalidInput("region.import-column-count", HEADER.length);
		}
		String name = row.get("name");
		if (name.isEmpty() || name.length() > 100) {
			throw new InvalidInput("region.name-invalid");
		}
		return new NewDivision(DivisionCode.of(row.get("code")), name, level(row.get("level")),
				optionalCode(row.get("parent_code")), date(row.get("valid_from")), date(row.get("valid_to")),
				optionalCode(row.get("successor_code")), demo);
	}

	private static DivisionLevel level(String text) {
		try {
			return DivisionLevel.valueOf(text.toUpperCase(java.util.Locale.ROOT));
		}
		catch (IllegalArgumentException unknown) {
			throw new InvalidInput("region.unknown-level", text);
		}
	}

	private static @Nullable DivisionCode optionalCode(String text) {
		return text.isEmpty() ? null : DivisionCode.of(text);
	}

	private static @Nullable LocalDate date(String text) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException invalid) {
			throw new InvalidInput("region.invalid-date", text);
		}
	}

}
