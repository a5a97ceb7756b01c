package org.jijinan.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.jijinan.shared.DivisionCode;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The villages people choose from on forms: by township and by name, each with its pinyin initials so that typing
 * "qbq" finds 恰卜恰. Nobody types a twelve-digit code.
 */
@Service
@Transactional(readOnly = true)
public class Places {

	private static final HanyuPinyinOutputFormat PLAIN = plain();

	private final RegionDirectory regions;

	Places(RegionDirectory regions) {
		this.regions = regions;
	}

	/**
	 * A township and the villages and communities under it that are in use today.
	 *
	 * @param code the township's code
	 * @param name its name
	 * @param villages its villages, by code
	 */
	public record Township(DivisionCode code, String name, List<Village> villages) {

		/**
		 * @param code a code as it came (a link, a form), compared as it is and never parsed
		 * @return the village of this township with that code
		 */
		public Optional<Village> village(String code) {
			return villages.stream().filter(village -> village.code().value().equals(code)).findFirst();
		}

	}

	/**
	 * @param code the village's code, sent by the form
	 * @param name its name, shown
	 * @param initials the pinyin initials of its name, lower case, to search by
	 */
	public record Village(DivisionCode code, String name, String initials) {
	}

	/**
	 * @param scope where the person choosing works: a county, township or village; {@code null} for none
	 * @return the townships of that county with their current villages, the person's own township first (one
	 *     window takes requests for the whole county); empty when the scope is unknown or none
	 */
	public List<Township> villagesFor(@Nullable DivisionCode scope) {
		if (scope == null || scope.value().length() < 6) {
			return List.of();
		}
		var county = new DivisionCode(scope.value().substring(0, 6));
		if (regions.find(county).isEmpty()) {
			return List.of();
		}
		String own = scope.value().length() >= 9 ? scope.value().substring(0, 9) : "";
		var townships = new ArrayList<>(current(regions.children(county)));
		townships.sort(java.util.Comparator.comparing(township -> !township.code().value().equals(own)));
		return townships.stream()
			.map(township -> new Township(township.code(), township.name(), current(regions.children(township.code()))
				.stream()
				.map(village -> new Village(village.code(), village.name(), initials(village.name())))
				.toList()))
			.filter(township -> !township.villages().isEmpty())
			.toList();
	}

	/**
	 * @param scope a person's data scope: a county, township or village; {@code null} for none
	 * @return only the villages inside that scope, by township (for forms whose records must stay in the person's
	 *     own area, such as registering a resident)
	 */
	public List<Township> villagesWithin(@Nullable DivisionCode scope) {
		if (scope == null) {
			return List.of();
		}
		String prefix = scope.value();
		String townshipPrefix = prefix.substring(0, Math.min(9, prefix.length()));
		return villagesFor(scope).stream()
			.filter(township -> township.code().value().startsWith(townshipPrefix))
			.map(township -> new Township(township.code(), township.name(),
					township.villages().stream().filter(village -> village.code().value().startsWith(prefix)).toList()))
			.filter(township -> !township.villages().isEmpty())
			.toList();
	}

	/**
	 * @param county a county
	 * @return its current townships, by code
	 */
	public List<DivisionView> townshipsOf(DivisionCode county) {
		return regions.find(county).isEmpty() ? List.of() : current(regions.children(county));
	}

	/**
	 * @param county a county
	 * @return the other current counties of its province, by code, for sending a request or case across a county line
	 */
	public List<DivisionView> otherCounties(DivisionCode county) {
		var province = new DivisionCode(county.value().substring(0, 2) + "0000");
		if (regions.find(province).isEmpty()) {
			return List.of();
		}
		return current(regions.children(province)).stream()
			.flatMap(prefecture -> current(regions.children(prefecture.code())).stream())
			.filter(other -> other.code().value().length() == 6 && !other.code().equals(county))
			.toList();
	}

	private static List<DivisionView> current(List<DivisionView> divisions) {
		return divisions.stream().filter(division -> division.validTo() == null).toList();
	}

	/**
	 * @param name a Chinese name
	 * @return the first letter of each character's pinyin, lower case; other letters and digits as they are
	 */
	static String initials(String name) {
		var letters = new StringBuilder();
		for (char character : name.toCharArray()) {
			String[] readings = readings(character);
			if (readings != null && readings.length > 0 && !readings[0].isEmpty()) {
				letters.append(readings[0].charAt(0));
			}
			else if (Character.isLetterOrDigit(character) && character < 128) {
				letters.append(Character.toLowerCase(character));
			}
		}
		return letters.toString().toLowerCase(Locale.ROOT);
	}

	private static String[] readings(char character) {
		try {
			return PinyinHelper.toHanyuPinyinStringArray(character, PLAIN);
		}
		catch (BadHanyuPinyinOutputFormatCombination impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	private static HanyuPinyinOutputFormat plain() {
		var format = new HanyuPinyinOutputFormat();
		format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
		format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		return format;
	}

}
