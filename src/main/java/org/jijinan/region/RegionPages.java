package org.jijinan.region;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.ImportRejected;
import org.jijinan.shared.PageProblems;
import org.jijinan.shared.Problems;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * The region page for administrators: the tree below their scope, unfolded level by level with htmx, and the
 * CSV import with its row-by-row report.
 */
@Controller
@RequestMapping("/admin/regions")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class RegionPages {

	private final RegionDirectory directory;

	private final Problems problems;

	private final PageProblems pageProblems;

	RegionPages(RegionDirectory directory, Problems problems, PageProblems pageProblems) {
		this.directory = directory;
		this.problems = problems;
		this.pageProblems = pageProblems;
	}

	@GetMapping
	String tree(@AuthenticationPrincipal Caller caller, Model model) {
		DivisionCode scope = caller.regionScope();
		if (scope != null) {
			model.addAttribute("root", directory.require(scope));
			model.addAttribute("children", directory.children(scope));
		}
		return "region/regions";
	}

	@GetMapping("/{code}/children")
	String children(@PathVariable DivisionCode code, @AuthenticationPrincipal Caller caller, Model model) {
		DivisionCode scope = caller.regionScope();
		if (scope == null || !directory.isWithin(code, scope)) {
			throw new org.jijinan.shared.Forbidden("region.outside-caller-scope", code);
		}
		model.addAttribute("children", directory.children(code));
		return "region/regions :: children";
	}

	@PostMapping("/imports")
	String importCsv(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal Caller caller, Model model)
			throws IOException {
		try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			model.addAttribute("added", directory.importCsv(csv, caller));
		}
		catch (ImportRejected rejected) {
			pageProblems.show(model, rejected);
			model.addAttribute("rows", rejected.rows()
				.stream()
				.map(row -> problems.describe(row, LocaleContextHolder.getLocale()))
				.toList());
		}
		catch (DomainProblem problem) {
			pageProblems.show(model, problem);
		}
		return tree(caller, model);
	}

}
