package org.jijinan.people;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Streams the first sheet of an XLSX roster with POI's event model: the sheet XML goes through a secure SAX parser
 * (no external entities) and POI's zip-bomb limits stay as they are. Macro-enabled workbooks and cells holding
 * formulas refuse the file; so does a sheet with more rows than allowed.
 */
final class XlsxRoster {

	private XlsxRoster() {
	}

	static void read(Path file, int maxRows, RowHandler handler) {
		try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
			refuseMacros(workbook);
			XSSFReader reader = new XSSFReader(workbook);
			var strings = new ReadOnlySharedStringsTable(workbook, false);
			Iterator<InputStream> sheets = reader.getSheetsData();
			if (!sheets.hasNext()) {
				throw new RosterRejected("people.roster-empty");
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = SAXHelper.newXMLReader();
				parser.setContentHandler(new SheetRows(strings, maxRows, handler));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (IOException | OpenXML4JException | SAXException
				| ParserConfigurationException | org.apache.poi.ooxml.POIXMLException unreadable) {
			throw new RosterRejected("people.roster-unreadable-xlsx");
		}
		catch (org.apache.poi.util.RecordFormatException | IllegalArgumentException | UnsupportedOperationException broken) {
			throw new RosterRejected("people.roster-unreadable-xlsx");
		}
	}

	private static void refuseMacros(OPCPackage workbook) throws InvalidFormatException {
		for (PackagePart part : workbook.getParts()) {
			String type = part.getContentType();
			if (type.contains("macroEnabled") || type.contains("vbaProject") || part.getPartName()
				.getName()
				.toLowerCase(java.util.Locale.ROOT)
				.contains("vbaproject")) {
				throw new RosterRejected("people.roster-macros");
			}
		}
	}

	/**
	 * Collects the cells of each {@code <row>}; refuses formulas.
	 */
	private static final class SheetRows extends DefaultHandler {

		private final ReadOnlySharedStringsTable strings;

		private final int maxRows;

		private final RowHandler handler;

		private final List<String> cells = new ArrayList<>();

		private final StringBuilder text = new StringBuilder();

		private int rowNumber;

		private int column;

		private String type = "";

		private boolean inValue;

		SheetRows(ReadOnlySharedStringsTable strings, int maxRows, RowHandler handler) {
			this.strings = strings;
			this.maxRows = maxRows;
			this.handler = handler;
		}

		@Override
		public void startElement(String uri, String localName, String name, Attributes attributes) {
			switch (localName) {
				case "row" -> startRow(attributes);
				case "c" -> startCell(attributes);
				case "f" -> throw new RosterRejected("people.roster-formula", rowNumber);
				case "v", "t" -> {
					inValue = true;
					text.setLength(0);
				}
				default -> {
				}
			}
		}

		@Override
		public void endElement(String uri, String localName, String name) {
			switch (localName) {
				case "v", "t" -> endValue();
				case "row" -> handler.row(rowNumber, List.copyOf(cells));
				default -> {
				}
			}
		}

		@Override
		public void characters(char[] characters, int start, int length) {
			if (inValue) {
				text.append(characters, start, length);
			}
		}

		private void startRow(Attributes attributes) {
			String number = attributes.getValue("r");
			rowNumber = number == null ? rowNumber + 1 : Integer.parseInt(number);
			if (rowNumber > maxRows) {
				throw new RosterRejected("people.roster-too-many-rows", maxRows - 1);
			}
			cells.clear();
		}

		private void startCell(Attributes attributes) {
			String reference = attributes.getValue("r");
			column = reference == null ? cells.size() : columnIndex(reference);
			type = attributes.getValue("t") == null ? "n" : attributes.getValue("t");
			while (cells.size() < column) {
				cells.add("");
			}
		}

		private void endValue() {
			inValue = false;
			String value = text.toString();
			if ("s".equals(type)) {
				value = strings.getItemAt(Integer.parseInt(value.strip())).getString();
			}
			while (cells.size() <= column) {
				cells.add("");
			}
			cells.set(column, (cells.get(column) + value).strip());
		}

		private static int columnIndex(String reference) {
			int index = 0;
			for (char c : reference.toCharArray()) {
				if (c < 'A' || c > 'Z') {
					break;
				}
				index = index * 26 + (c - 'A' + 1);
			}
			return index - 1;
		}

	}

}
