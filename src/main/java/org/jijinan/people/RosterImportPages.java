package org.jijinan.people;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jijinan.shared.Caller;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.PageProblems;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The roster import pages: upload, then a progress bar that htmx refreshes until the import ends, with the counts
 * and the report of refused rows.
 */
@Controller
@RequestMapping("/people/imports")
class RosterImportPages {

	private final RosterImports imports;

	private final CategoryStandings standings;

	private final PageProblems problems;

	RosterImportPages(RosterImports imports, CategoryStandings standings, PageProblems problems) {
		this.imports = imports;
		this.standings = standings;
		this.problems = problems;
	}

	@GetMapping
	String list(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("imports", imports.recent(caller));
		model.addAttribute("categories", standings.categories());
		return "people/imports";
	}

	@PostMapping
	String upload(@RequestParam("file") MultipartFile file, @RequestParam(required = false) @Nullable String category,
			@RequestParam(required = false) @Nullable String source, @AuthenticationPrincipal Caller caller,
			Model model) throws IOException {
		try (InputStream content = file.getInputStream()) {
			RosterImportView started = imports.submit(String.valueOf(file.getOriginalFilename()), content, category,
					source == null ? "" : source, caller);
			return "redirect:/people/imports/" + started.id();
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			return list(caller, model);
		}
	}

	@GetMapping("/{id}")
	String progressPage(@PathVariable UUID id, @AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("import", imports.status(id, caller));
		return "people/import";
	}

	@GetMapping("/{id}/progress")
	String progress(@PathVariable UUID id, @AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("import", imports.status(id, caller));
		return "people/import :: progress";
	}

	@GetMapping("/{id}/report")
	void report(@PathVariable UUID id, @AuthenticationPrincipal Caller caller, HttpServletResponse response)
			throws IOException {
		imports.status(id, caller);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"roster-import-" + id + "-problems.csv\"");
		imports.writeReport(id, caller, LocaleContextHolder.getLocale(), response.getOutputStream());
	}

}
