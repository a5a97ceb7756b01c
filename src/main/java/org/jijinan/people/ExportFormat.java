package org.jijinan.people;

/**
 * The file formats lists are exported in.
 */
public enum ExportFormat {

	/** UTF-8 with a byte-order mark, so Excel reads Chinese correctly. */
	CSV("text/csv;charset=UTF-8", "csv"),
	/** An Excel workbook, every cell text. */
	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

	private final String contentType;

	private final String extension;

	ExportFormat(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	String contentType() {
		return contentType;
	}

	String extension() {
		return extension;
	}

}
