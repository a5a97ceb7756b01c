package org.jijinan.region;

import java.io.StringReader;
import java.util.Set;

import org.jijinan.shared.Caller;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationContext;

/**
 * Villages that one test uses alone, added to a township of 共和县 the way an administrator imports them, so that
 * figures counted by area are that test's own.
 */
public final class TestVillages {

	private TestVillages() {
	}

	/**
	 * Adds the villages (code and name, alternately) to the region tree unless the first is there already.
	 */
	public static void ensure(ApplicationContext context, String... codesAndNames) {
		RegionDirectory regions = context.getBean(RegionDirectory.class);
		if (regions.find(new DivisionCode(codesAndNames[0])).isPresent()) {
			return;
		}
		StringBuilder csv = new StringBuilder("code,name,level,parent_code,valid_from,valid_to,successor_code\n");
		for (int i = 0; i < codesAndNames.length; i += 2) {
			String code = codesAndNames[i];
			csv.append(code).append(',').append(codesAndNames[i + 1]).append(",VILLAGE,").append(code, 0, 9)
				.append(",,,\n");
		}
		regions.importCsv(new StringReader(csv.toString()), administrator(new DivisionCode("632521")));
	}

	/**
	 * Adds a village whose code was retired on the day (without a successor) unless it is there already.
	 */
	public static void retired(ApplicationContext context, String code, String name, String lastDay) {
		RegionDirectory regions = context.getBean(RegionDirectory.class);
		if (regions.find(new DivisionCode(code)).isEmpty()) {
			regions.importCsv(new StringReader("code,name,level,parent_code,valid_from,valid_to,successor_code\n" + code
					+ "," + name + ",VILLAGE," + code.substring(0, 9) + ",," + lastDay + ",\n"),
					administrator(new DivisionCode("632521")));
		}
	}

	/**
	 * @return an administrator of the area, as region imports need one
	 */
	static Caller administrator(DivisionCode area) {
		return new Caller() {

			@Override
			public String name() {
				return "test";
			}

			@Override
			public Set<String> roles() {
				return Set.of("ADMINISTRATOR");
			}

			@Override
			public @Nullable DivisionCode regionScope() {
				return area;
			}

		};
	}

}
