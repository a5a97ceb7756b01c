package org.jijinan.sharing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DomainProblem;
import org.jijinan.shared.Downloads;
import org.jijinan.shared.ImportRejected;
import org.jijinan.shared.InvalidInput;
import org.jijinan.shared.PageProblems;
import org.jijinan.shared.Problems;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The page where a department's officer uploads the assistance the department gave, as a file, and sees what was
 * received.
 */
@Controller
class SharingPages {

	private final DepartmentAssistance assistance;

	private final PageProblems problems;

	private final Problems details;

	SharingPages(DepartmentAssistance assistance, PageProblems problems, Problems details) {
		this.assistance = assistance;
		this.problems = problems;
		this.details = details;
	}

	@GetMapping("/sharing/assistance")
	String assistance(@AuthenticationPrincipal Caller caller, Model model) {
		model.addAttribute("schemes", assistance.schemesOf(caller));
		model.addAttribute("reports", assistance.latest(caller, 100));
		return "sharing/assistance";
	}

	@PostMapping("/sharing/assistance/files")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal Caller caller, Model model) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidInput("sharing.file-empty");
			}
			if (file.getSize() > ReportFiles.MAX_BYTES) {
				throw new InvalidInput("sharing.file-too-large", ReportFiles.MAX_BYTES / 1024 / 1024);
			}
			model.addAttribute("received", assistance.reportFile(
					file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), file.getBytes(), caller));
		}
		catch (DomainProblem problem) {
			problems.show(model, problem);
			if (problem instanceof ImportRejected rejected) {
				model.addAttribute("rows", rejected.rows()
					.stream()
					.map(row -> details.describe(row, LocaleContextHolder.getLocale()))
					.toList());
			}
		}
		return assistance(caller, model);
	}

	@GetMapping("/sharing/assistance/template.csv")
	ResponseEntity<byte[]> template(@AuthenticationPrincipal Caller caller) {
		String scheme = assistance.schemesOf(caller).stream().findFirst().map(Enum::name).orElse("");
		String csv = "\uFEFF业务编号,身份证号码,救助项目,困难原因,金额,实物,发放日期\r\n"
				+ "2026-0001,632521199001011234," + scheme + ",FIRE,1200.00,,2026-11-01\r\n";
		return Downloads.attachment("部门救助信息模板.csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
				csv.getBytes(StandardCharsets.UTF_8));
	}

}
