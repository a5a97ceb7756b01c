import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * Writes a roster CSV of valid rows with a share of bad ones (wrong check digit, impossible date, unknown village,
 * duplicate of an earlier row), for the import benchmark.
 *
 * Usage: java bench/GenerateRoster.java ROWS BAD_PER_THOUSAND OUT.csv
 */
public class GenerateRoster {

	static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	static final String CHECK = "10X98765432";

	static final List<String> VILLAGES = List.of("632521100201", "632521100202", "632521100203");

	static final String[] SURNAMES = { "才让", "卓玛", "扎西", "拉毛", "多杰", "索南", "李", "王", "马", "韩" };

	public static void main(String[] args) throws IOException {
		int rows = Integer.parseInt(args[0]);
		int badPerThousand = Integer.parseInt(args[1]);
		Path out = Path.of(args[2]);
		Random random = new Random(20261128);
		try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			writer.write("姓名,公民身份号码,联系电话,户籍村代码,民族,现住址\n");
			String previous = null;
			for (int n = 0; n < rows; n++) {
				String number = number(n);
				String village = VILLAGES.get(n % VILLAGES.size());
				if (random.nextInt(1000) < badPerThousand) {
					switch (random.nextInt(4)) {
						case 0 -> number = number.substring(0, 17) + (number.charAt(17) == '1' ? '2' : '1');
						case 1 -> number = withCheck("63252120150231" + String.format("%03d", n % 1000));
						case 2 -> village = "632521100999";
						default -> number = previous == null ? number : previous;
					}
				}
				String phone = n % 3 == 0 ? String.format("139%08d", n) : "";
				writer.write(SURNAMES[n % SURNAMES.length] + (n % 997) + "," + number + "," + phone + "," + village
						+ ",藏族,共和县恰卜恰镇" + (n % 50) + "号\n");
				previous = number;
			}
		}
	}

	static String number(long n) {
		LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(n / 1000);
		return withCheck("632599" + birth.toString().replace("-", "") + String.format("%03d", n % 1000));
	}

	static String withCheck(String body) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (body.charAt(i) - '0') * WEIGHTS[i];
		}
		return body + CHECK.charAt(sum % 11);
	}

}
