package org.jijinan.people;

/**
 * An assistance category (救助类别) from the configurable list.
 *
 * @param code its stable code, such as {@code MINIMUM_LIVING_ALLOWANCE}
 * @param chineseName its name, such as 最低生活保障（低保）
 * @param englishName its English name
 * @param subject whether persons or households hold it
 * @param graded whether a membership carries a grade (残疾等级 1–4)
 */
public record Category(@jakarta.validation.constraints.NotBlank String code,
		@jakarta.validation.constraints.NotBlank String chineseName,
		@jakarta.validation.constraints.NotBlank String englishName, @jakarta.validation.constraints.NotNull Subject subject,
		boolean graded) {

	/**
	 * Who holds a category.
	 */
	public enum Subject {

		/** 个人. */
		PERSON,
		/** 家庭. */
		HOUSEHOLD

	}

}
