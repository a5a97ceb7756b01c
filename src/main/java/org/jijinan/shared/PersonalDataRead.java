package org.jijinan.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that shows one subject's personal data (a person, a household, a case, a hospital bill): each
 * successful read is recorded in the audit trail, once per reader, subject and hour.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface PersonalDataRead {

	/**
	 * @return the kind of subject, such as {@code person} or {@code case}
	 */
	String subject();

	/**
	 * @return the path variable that names the subject
	 */
	String variable() default "id";

}
