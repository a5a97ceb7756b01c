package org.jijinan.shared;

import java.util.Comparator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Component;

/**
 * Checks the shape of a command (its Bean Validation constraints) at a module's front door, so that input from
 * pages, which build commands without {@code @Valid}, is refused as clearly as input from the API.
 */
@Component
public class InputShape {

	private final Validator validator;

	InputShape(Validator validator) {
		this.validator = validator;
	}

	/**
	 * @param command a command record with constraints
	 * @throws InvalidInput {@code request.invalid-field} naming the first field at fault
	 */
	public void check(Object command) {
		validator.validate(command)
			.stream()
			.min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
			.ifPresent(InputShape::refuse);
	}

	private static void refuse(ConstraintViolation<Object> violation) {
		String field = violation.getPropertyPath().toString();
		throw InvalidInput.inField(field, "request.invalid-field", field, violation.getMessage());
	}

}
