package org.jijinan.region;

import org.jijinan.shared.DivisionCode;
import org.jijinan.shared.InvalidInput;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DivisionTests {

	static final Division QINGHAI = Division.under(null, spec("630000", DivisionLevel.PROVINCE, null));

	static final Division HAINAN = Division.under(QINGHAI, spec("632500", DivisionLevel.PREFECTURE, "630000"));

	static final Division GONGHE = Division.under(HAINAN, spec("632521", DivisionLevel.COUNTY, "632500"));

	static final Division QIABUQIA = Division.under(GONGHE, spec("632521100", DivisionLevel.TOWNSHIP, "632521"));

	@Test
	void buildsTheAncestryFromTheProvinceDown() {
		assertThat(QIABUQIA.ancestry()).isEqualTo("/630000/632500/632521/632521100/");
		assertThat(GONGHE.contains(QIABUQIA)).isTrue();
		assertThat(QIABUQIA.contains(GONGHE)).isFalse();
	}

	@Test
	void refusesACodeOfTheWrongLengthForItsLevel() {
		assertProblem(() -> Division.under(GONGHE, spec("632521", DivisionLevel.TOWNSHIP, "632521")),
				"region.code-length-mismatch");
	}

	@Test
	void refusesALevelThatIsNotDirectlyBelowTheParent() {
		assertProblem(() -> Division.under(GONGHE, spec("632521100201", DivisionLevel.VILLAGE, "632521")),
				"region.parent-level-mismatch");
	}

	@Test
	void refusesACodeOutsideTheParentsRange() {
		assertProblem(() -> Division.under(GONGHE, spec("632522100", DivisionLevel.TOWNSHIP, "632521")),
				"region.code-outside-parent");
		assertProblem(() -> Division.under(QINGHAI, spec("642500", DivisionLevel.PREFECTURE, "630000")),
				"region.code-outside-parent");
	}

	@Test
	void refusesAMissingParentBelowProvinceLevel() {
		assertProblem(() -> Division.under(null, spec("632521", DivisionLevel.COUNTY, null)), "region.parent-required");
	}

	@Test
	void refusesAPeriodThatEndsBeforeItStarts() {
		var reversed = new NewDivision(new DivisionCode("632521107"), "新镇", DivisionLevel.TOWNSHIP,
				new DivisionCode("632521"), java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2023, 1, 1),
				null, false);
		assertProblem(() -> Division.under(GONGHE, reversed), "region.period-reversed");
	}

	@Test
	void refusesMalformedCodes() {
		for (String text : new String[] { "", "63", "6325211", "63252110a", "632521 100", "６３２５２１" }) {
			assertProblem(() -> DivisionCode.of(text), "shared.division-code-malformed");
		}
	}

	private static void assertProblem(Runnable action, String code) {
		assertThatExceptionOfType(InvalidInput.class).isThrownBy(action::run)
			.satisfies(problem -> assertThat(problem.code()).isEqualTo(code));
	}

	private static NewDivision spec(String code, DivisionLevel level, String parent) {
		return new NewDivision(new DivisionCode(code), "名称", level, parent == null ? null : new DivisionCode(parent),
				null, null, null, false);
	}

}
