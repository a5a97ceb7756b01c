package org.jijinan.people;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a UTF-8 CSV roster (a byte-order mark is skipped). Malformed UTF-8 or quoting refuses the file.
 */
final class CsvRoster {

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

	private CsvRoster() {
	}

	static void read(Path file, int maxRows, RowHandler handler) {
		var decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		try (InputStream in = Files.newInputStream(file); Reader reader = new InputStreamReader(skipBom(in), decoder);
				CSVParser parser = CSVParser.parse(reader, FORMAT)) {
			Iterator<CSVRecord> records = parser.iterator();
			int row = 0;
			while (hasNext(records)) {
				CSVRecord record = records.next();
				row++;
				if (row > maxRows) {
					throw new RosterRejected("people.roster-too-many-rows", maxRows - 1);
				}
				List<String> cells = new ArrayList<>(record.size());
				record.forEach(cell -> cells.add(cell.strip()));
				handler.row(row, cells);
			}
		}
		catch (IOException | UncheckedIOException unreadable) {
			throw new RosterRejected("people.roster-unreadable-csv");
		}
	}

	private static boolean hasNext(Iterator<CSVRecord> records) {
		try {
			return records.hasNext();
		}
		catch (UncheckedIOException | IllegalStateException malformed) {
			throw new RosterRejected("people.roster-unreadable-csv");
		}
	}

	private static InputStream skipBom(InputStream in) throws IOException {
		var buffered = new java.io.BufferedInputStream(in);
		buffered.mark(3);
		byte[] head = buffered.readNBytes(3);
		if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
			buffered.reset();
		}
		return buffered;
	}

}
