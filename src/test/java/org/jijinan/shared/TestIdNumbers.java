package org.jijinan.shared;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Valid resident ID numbers of 共和县 for tests: a random birth date between 1960 and 2000, a random sequence and
 * the right check character.
 */
public final class TestIdNumbers {

	private TestIdNumbers() {
	}

	/**
	 * @return an ID number nobody else in the test run is likely to hold
	 */
	public static String fresh() {
		LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(15_000));
		String body = "632521" + birth.toString().replace("-", "")
				+ String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
		return body + ResidentIdNumber.checkCharacter(body);
	}

}
