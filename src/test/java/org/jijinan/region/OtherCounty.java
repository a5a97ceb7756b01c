package org.jijinan.region;

import java.io.StringReader;

import org.jijinan.shared.DivisionCode;

import org.springframework.context.ApplicationContext;

/**
 * A second county of the prefecture (同德县) with one township and one village, for tests of what one county's staff
 * and systems may do with another county's people.
 */
public final class OtherCounty {

	public static final DivisionCode COUNTY = new DivisionCode("632522");

	public static final DivisionCode TOWNSHIP = new DivisionCode("632522100");

	public static final String VILLAGE = "632522100201";

	private OtherCounty() {
	}

	/**
	 * Adds the county to the region tree unless it is there already.
	 */
	public static void ensure(ApplicationContext context) {
		RegionDirectory regions = context.getBean(RegionDirectory.class);
		if (regions.find(COUNTY).isPresent()) {
			return;
		}
		regions.importCsv(new StringReader("""
				code,name,level,parent_code,valid_from,valid_to,successor_code
				632522,同德县,COUNTY,632500,,,
				632522100,尕巴松多镇,TOWNSHIP,632522,,,
				632522100201,测试村,VILLAGE,632522100,,,
				"""), TestVillages.administrator(new DivisionCode("632500")));
	}

}
