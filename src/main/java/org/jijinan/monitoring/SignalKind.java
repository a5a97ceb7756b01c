package org.jijinan.monitoring;

/**
 * What a signal says happened to a person. Serious kinds are hardships in themselves; the others are figures rules
 * weigh (a household's income) or the platform's own observations.
 */
public enum SignalKind {

	/** 医疗自付: a settled hospital bill's own share, with the year's total (amount, year total). */
	MEDICAL_SPENDING(true, "医疗自付"),
	/** 住院: admitted to hospital. */
	HOSPITAL_ADMISSION(true, "住院"),
	/** 残疾登记: a disability registered. */
	DISABILITY_REGISTERED(true, "残疾登记"),
	/** 失业登记: unemployment registered. */
	UNEMPLOYMENT_REGISTERED(true, "失业登记"),
	/** 死亡: a death in the household. */
	DEATH(true, "死亡"),
	/** 灾害损失: damage from a disaster (amount: the loss). */
	DISASTER_DAMAGE(true, "灾害损失"),
	/** 辍学: a child left school. */
	SCHOOL_DROPOUT(true, "辍学"),
	/** 大额欠费: large arrears (amount). */
	ARREARS(true, "大额欠费"),
	/** 退出救助: a category standing (低保、特困 …) ended (category). */
	STANDING_ENDED(true, "退出救助"),
	/** 家庭收入核定: the household's annual income as assessed (amount). */
	HOUSEHOLD_INCOME(false, "家庭收入核定"),
	/** 求助未获救助: the household's case was refused or withdrawn with no aid (seen by the platform only). */
	CASE_CLOSED_WITHOUT_AID(true, "求助未获救助");

	private final boolean serious;

	private final String chinese;

	SignalKind(boolean serious, String chinese) {
		this.serious = serious;
		this.chinese = chinese;
	}

	/**
	 * @return the kind's Chinese name, as departments' files may give it
	 */
	public String chinese() {
		return chinese;
	}

	/**
	 * @return whether departments may send signals of this kind; the platform alone knows how its cases ended
	 */
	public boolean fromDepartments() {
		return this != CASE_CLOSED_WITHOUT_AID;
	}

	/**
	 * @return the kinds departments may send, for their agreements
	 */
	public static java.util.List<SignalKind> departmental() {
		return java.util.Arrays.stream(values()).filter(SignalKind::fromDepartments).toList();
	}

	/**
	 * @param given a kind's code ({@code DISASTER_DAMAGE}) or Chinese name (灾害损失) that departments may send
	 * @return the kind, if it is one
	 */
	static java.util.Optional<SignalKind> named(String given) {
		String name = given.strip();
		for (SignalKind kind : departmental()) {
			if (kind.name().equals(name) || kind.chinese.equals(name)) {
				return java.util.Optional.of(kind);
			}
		}
		return java.util.Optional.empty();
	}

	/**
	 * @return whether the kind is a hardship in itself, which the repeated-hardship rule counts
	 */
	public boolean serious() {
		return serious;
	}

	/**
	 * @return whether a signal of this kind must carry an amount
	 */
	boolean needsAmount() {
		return this == MEDICAL_SPENDING || this == DISASTER_DAMAGE || this == ARREARS || this == HOUSEHOLD_INCOME;
	}

}
