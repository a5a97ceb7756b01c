package org.jijinan.intake;

/**
 * What one village's poster (村级求助海报) says.
 *
 * @param countyName the county
 * @param townshipName the village's township
 * @param villageName the village or community
 * @param villageCode its code
 * @param link the public form with the village chosen, which the QR code opens
 * @param address the platform's address to type by hand, without {@code https://}
 * @param hotlineNumber the social-assistance hotline
 * @param hotlineHours when it is answered
 */
record Poster(String countyName, String townshipName, String villageName, String villageCode, String link,
		String address, String hotlineNumber, String hotlineHours) {

	/**
	 * @return the code of the village's township (the first nine digits of the village's)
	 */
	public String townshipCode() {
		return villageCode.substring(0, 9);
	}

}
