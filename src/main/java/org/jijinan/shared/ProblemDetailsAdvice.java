package org.jijinan.shared;

import java.util.List;
import java.util.Locale;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;

/**
 * The one translation of errors raised by API controllers into {@code application/problem+json}. Unexpected
 * failures are logged with a reference and answered with a 500 that shows the reference, never a stack trace,
 * SQL or personal data.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private final Problems problems;

	ProblemDetailsAdvice(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(DomainProblem problem) {
		return answer(problems.of(problem, locale()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(MethodArgumentNotValidException invalid) {
		FieldError field = invalid.getBindingResult().getFieldError();
		String name = field == null ? "?" : field.getField();
		String reason = field == null ? "" : String.valueOf(field.getDefaultMessage());
		var body = problems.of(400, "request.invalid-field", locale(), name, reason);
		body.setProperty("field", name);
		return answer(body);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(HandlerMethodValidationException invalid) {
		return answer(problems.of(400, "request.invalid-parameter", locale()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(HttpMessageNotReadableException unreadable) {
		for (Throwable cause = unreadable.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof DomainProblem problem) {
				return on(problem);
			}
		}
		for (Throwable cause = unreadable.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof StreamReadException) {
				// Not JSON at all (cut short, broken): no field is at fault, whatever path was reached.
				return answer(problems.of(400, "request.malformed-body", locale()));
			}
		}
		for (Throwable cause = unreadable.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
				String field = path(mismatch.getPath());
				var body = problems.of(400, "request.invalid-field-value", locale(), field);
				body.setProperty("field", field);
				return answer(body);
			}
		}
		return answer(problems.of(400, "request.malformed-body", locale()));
	}

	/**
	 * @return the JSON path of a value, as {@code members[2].birthDate}: property names (word characters only, at
	 * most 100 of them, since they come from the request) and array indexes
	 */
	static String path(List<JacksonException.Reference> references) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName().replaceAll("[^\\p{L}\\p{N}_-]", "?"));
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.length() > 100 ? path.substring(0, 100) + "…" : path.toString();
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(TypeMismatchException mismatch) {
		String name = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
				: String.valueOf(mismatch.getPropertyName());
		return answer(problems.of(400, "request.invalid-parameter-value", locale(), name));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(OptimisticLockingFailureException conflict) {
		return answer(problems.of(409, "request.concurrent-change", locale()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(PessimisticLockingFailureException conflict) {
		return answer(problems.of(409, "request.concurrent-change", locale()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(DataIntegrityViolationException violation) {
		log.warn("Constraint violation answered with 409: {}", violation.getMostSpecificCause().getClass().getName());
		return answer(problems.of(409, "request.conflicts-with-stored-data", locale()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(MultipartException notMultipart) {
		if (notMultipart instanceof ErrorResponse framework) {
			return framework(framework);
		}
		return answer(problems.of(400, "request.multipart-required", locale()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(InvalidParameterException malformed) {
		return answer(problems.of(400, MalformedParameters.CODE, locale()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(AccessDeniedException denied) {
		return answer(problems.of(403, "security.access-denied", locale()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(AuthenticationException unauthenticated) {
		return answer(problems.of(401, "security.unauthenticated", locale()));
	}

	private ResponseEntity<ProblemDetail> framework(ErrorResponse framework) {
		int status = framework.getStatusCode().value();
		var body = problems.of(status, "request.http-" + status, locale());
		HttpHeaders headers = new HttpHeaders();
		headers.addAll(framework.getHeaders());
		headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return ResponseEntity.status(HttpStatusCode.valueOf(status)).headers(headers).body(body);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> on(Exception unexpected) {
		if (unexpected instanceof ErrorResponse framework) {
			return framework(framework);
		}
		String reference = Long.toHexString(System.nanoTime());
		log.error("Unexpected failure, reference {}", reference, unexpected);
		var body = problems.of(500, "server.unexpected", locale(), reference);
		body.setProperty("reference", reference);
		return answer(body);
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail body) {
		return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
